" Vim syntax file
" Language:    US State Department telegram ("diplomatic cable")
" Filenames:   *.cable, *.tel
" Maintainer:  the cablelint project
"
" Colours the transmission header, the classification banner and portion markings by level (UNCLAS green,
" CONFIDENTIAL blue, SECRET red), captions, the E.O. line, TAGS, SUBJECT/REF labels, addressees and
" paragraph numbers. The language server adds semantic tokens on top where the client supports them.

if exists('b:current_syntax')
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

syntax case match

" Transmission header (format lines FL1-FL9).
syntax match cableTransmissionId '^VZCZC[A-Z]\{3}\d\{3,4}\s*$'
syntax match cableRoutingLine    '^\(ZZ\|OO\|PP\|RR\|NN\)\( R[A-Z0-9]\{3,7}\)\+\s*$' contains=cablePrecedenceProsign,cableRoutingIndicator
syntax match cablePrecedenceProsign '^\(ZZ\|OO\|PP\|RR\|NN\)\>' contained
syntax match cableDeLine         '^DE R[A-Z0-9]\{3,7} #\d\{4}\(/\d\{2}\)\? \d\{7}.*$' contains=cableDeKeyword,cableRoutingIndicator,cableSerial
syntax match cableDeKeyword      '^DE\>' contained
syntax match cableSerial         '#\d\{4}\(/\d\{2}\)\?' contained
syntax match cableSecurityLine   '^ZN[RY] [A-Z]\{5}\(/[A-Z]\{5}\)\?\>.*$'
syntax match cableDtgLine        '^[ZOPR]\( [ZOPR]\)\? \d\{6}Z \(JAN\|FEB\|MAR\|APR\|MAY\|JUN\|JUL\|AUG\|SEP\|OCT\|NOV\|DEC\) \d\d\>.*$' contains=cableDtg
syntax match cableDtg            '\d\{6}Z \u\{3} \d\d' contained
syntax match cableAddrKeyword    '^\(FM\|TO\|INFO\|XMT\)\>/\='
syntax match cableRoutingIndicator '\<\(R[A-Z0-9]\{3,7}\|ZEN\)\ze/'
syntax match cableRoutingIndicator '\<R[A-Z0-9]\{3,7}\>' contained
syntax match cablePrecedence     '\<\(FLASH\|NIACT IMMEDIATE\|IMMEDIATE\|PRIORITY\)\>\ze\( \d\{4}\(-\d\{4}\)\?\)\=\s*$'
syntax match cableEndMarker      '^\(BT\|NNNN\|NNN\)\s*$'

" Classification banner (first line of the text) and continuation headers, by level.
syntax match cableUnclassified   '^UNCLAS\(SIFIED\)\=\( E F T O\)\=\>.*$'
syntax match cableConfidential   '^C O N F I D E N T I A L\>.*$'
syntax match cableConfidential   '^CONFIDENTIAL\>.*$'
syntax match cableSecret         '^S E C R E T\>.*$'
syntax match cableSecret         '^SECRET\>.*$'
syntax match cableTopSecret      '^T O P  \=S E C R E T\>.*$'
syntax match cableLimitedOfficialUse '^LIMITED OFFICIAL USE\>.*$'

" Captions and handling lines.
syntax match cableCaption '^\(SIPDIS\|NOFORN\|NOT RELEASABLE TO FOREIGN NATIONALS\|SENSITIVE\( BUT UNCLASSIFIED\)\=\|NODIS\|EXDIS\|LIMDIS\|STADIS\|SPECAT\|CODEL\( \u\+\)\=\|H PASS.*\|NOT FOR INTERNET \(DISTRIBUTION\|POSTING\)\)\(,\= \(SIPDIS\|NOFORN\|SENSITIVE\)\)*\s*$'

" Lettered sub-paragraphs (`A. ...`, `¶B. MADRID 3929`); defined before the E.O. line so `E. O.` stays a label.
syntax match cableParagraphNumber '^¶\=\u\.\ze\s' nextgroup=cableMarkingU,cableMarkingC,cableMarkingS,cableMarkingTS skipwhite

" E.O. line, TAGS, SUBJECT, REF and the classification authority.
syntax match cableEoLine '^\(E\. \=O\.\=\|EO\) \d\{4,5}:\=.*$' contains=cableLabelEo,cableDecl
syntax match cableLabelEo '^\(E\. \=O\.\=\|EO\) \d\{4,5}:\=' contained
syntax match cableDecl '\<\(DECL\|DNG\):\=' contained
syntax match cableTagsLine '^TAGS\>:\=.*$' contains=cableTagsLabel,cableTag,cableTagMarkup
syntax match cableTag '\<[A-Z][A-Z0-9]\{1,5}\>' contained
syntax match cableTagMarkup '\[\|\](#)' contained
syntax match cableTagsLabel '^TAGS\>:\=' contained
syntax match cableLabel '^\(SUBJECT\|SUBJ\|REF\|REFS\|Classified By\|CLASSIFIED BY\|DERIVED FROM\|Derived From\)\>:\='
syntax match cableReasons '\<Reasons\= 1\.[45] \=(\a)\( \=\(and \)\=(\a)\)*' 

" Paragraph numbers with their portion markings, by level.
syntax match cableParagraphNumber '^¶\=\d\{1,2}\.' nextgroup=cableMarkingU,cableMarkingC,cableMarkingS,cableMarkingTS skipwhite
syntax match cableMarkingU  '(\(U\|SBU\)\(//[A-Z/ -]\+\)\=)' contained
syntax match cableMarkingC  '(C\(//[A-Z/ -]\+\)\=)' contained
syntax match cableMarkingS  '(S\(//[A-Z/ -]\+\)\=)' contained
syntax match cableMarkingTS '(TS\(//[A-Z/ -]\+\)\=)' contained

" Text conventions.
syntax match cableKeyword '\<\(END \)\=\(SUMMARY\|Summary\|COMMENT\|Comment\|NOTE\|Note\)\>\.\='
syntax match cableRedaction '\<[Xx]\{5,}\>'

highlight default cableUnclassified ctermfg=DarkGreen guifg=#2e8b57 cterm=bold gui=bold
highlight default cableConfidential ctermfg=Blue guifg=#1e6fd9 cterm=bold gui=bold
highlight default cableSecret ctermfg=Red guifg=#d02020 cterm=bold gui=bold
highlight default cableTopSecret ctermfg=DarkYellow guifg=#e07000 cterm=bold gui=bold
highlight default link cableLimitedOfficialUse cableConfidential
highlight default link cableMarkingU cableUnclassified
highlight default link cableMarkingC cableConfidential
highlight default link cableMarkingS cableSecret
highlight default link cableMarkingTS cableTopSecret

highlight default link cableTransmissionId PreProc
highlight default link cableRoutingLine PreProc
highlight default link cablePrecedenceProsign Keyword
highlight default link cableDeLine PreProc
highlight default link cableDeKeyword Keyword
highlight default link cableSerial Number
highlight default link cableSecurityLine Special
highlight default link cableDtgLine PreProc
highlight default link cableDtg Number
highlight default link cableAddrKeyword Keyword
highlight default link cableRoutingIndicator Identifier
highlight default link cablePrecedence Type
highlight default link cableEndMarker PreProc
highlight default link cableCaption Special
highlight default link cableEoLine Comment
highlight default link cableLabelEo Label
highlight default link cableDecl Label
highlight default link cableTagsLine Normal
highlight default link cableLabel Label
highlight default link cableTagsLabel Label
highlight default link cableTag Constant
highlight default link cableTagMarkup Error
highlight default link cableReasons Comment
highlight default link cableParagraphNumber Number
highlight default link cableKeyword Statement
highlight default link cableRedaction Comment

let b:current_syntax = 'cable'

let &cpo = s:cpo_save
unlet s:cpo_save
