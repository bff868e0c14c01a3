use cablelint::syntax::parse;
#[test]
fn probe() {
    let text = include_str!("lsp_fixtures/oslo.cable");
    let cable = parse(text);
    for l in &cable.lines { eprintln!("{:?} {:?}", l.kind, &text[l.range.as_range()]); }
    eprintln!("{:#?}", cable.body.refs);
    let d = cablelint::ide::diagnostics(&cable, &Default::default(), cablelint::data::Tables::builtin());
    for x in &d { eprintln!("{} {:?} {} {:?}", x.rule.code(), &text[x.range.as_range()], x.message, x.related); }
}
