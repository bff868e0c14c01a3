;;; completion.el --- Emacs + Eglot: the buffer text after accepting a completion  -*- lexical-binding: t -*-

;; Run by .ci/e2e/emacs.sh: emacs --batch -Q -L editors/emacs -l .ci/e2e/emacs/completion.el
;; Environment: CASE_FILE (a scratch copy of 09OSLO417.cable). For each scenario the user runs
;; `completion-at-point' (C-M-i) with the completion functions cable-mode and Eglot put in the buffer,
;; and chooses the candidate in the *Completions* list (or gets the sole candidate inserted); Emacs's
;; own insertion and Eglot's exit function do the rest.  The line must then be the expected text.

(require 'eglot)
(require 'cable-mode)
(require 'subr-x)

(defvar completion-failures 0)
(setq eglot-sync-connect 10 eglot-autoshutdown nil eglot-events-buffer-size 0)

(defun completion-out (fmt &rest args)
  (princ (concat (apply #'format fmt args) "\n")))

(defun completion-wait (pred secs)
  (let ((deadline (+ (float-time) secs)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    v))

(defconst completion-scenarios
  ;; (name, regexp of the line to replace or nil, text written, or inserted after the INFO line,
  ;;  text after which point goes, candidate, expected line)
  ;; Emacs's completion takes the whole word at point as the input (Eglot's flex style), so a
  ;; mid-word completion there mends a misspelt word: `P|GV' becomes PGOV.
  '(("tag completed mid-word (P|GV)" "^TAGS:" "TAGS: PREL PGV NO" nil "TAGS: PREL P" "PGOV"
     "TAGS: PREL PGOV NO")
    ("addressee by city" nil "TOKYO" "^INFO " "TOKYO" "RUEHKO/AMEMBASSY TOKYO" "RUEHKO/AMEMBASSY TOKYO")
    ("banner while typing CONF" "^C O N F I D E N T I A L" "CONF" nil "CONF" "C O N F I D E N T I A L"
     "C O N F I D E N T I A L OSLO 000417")
    ("banner: CONF typed before the origin keeps the origin" "^C O N F I D E N T I A L"
     "CONF OSLO 000417" nil "CONF" "C O N F I D E N T I A L" "C O N F I D E N T I A L OSLO 000417")
    ("reason list" "^Classified By" "Classified By: Ambassador Jane Example. Reasons 1.4 (b)" nil
     "Reasons 1" "1.4 (b) and (d)" "Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d)")
    ;; Issue 15 item 7: a reason letter after `(d`, with no doubled parenthesis.
    ("reason letter after (d" "^Classified By" "Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d"
     nil "and (d" "(d)" "Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d)")
    ;; Issue 15 item 2: the DE line from the FM post, the banner's serial and the DTG; FL2.
    ("DE line" "^DE " "D" nil "D" "DE RUEHNY #0417 0731522" "DE RUEHNY #0417 0731522")
    ("FL2 prosign and routing indicators" "^PP " "P" nil "P" "PP RUEHC RUEHBJ RUEHMO RUEHSM"
     "PP RUEHC RUEHBJ RUEHMO RUEHSM")
    ;; Issue 15 item 2: a tag found by country name, a candidate shorter than the typed word.
    ("tag by country name (JAP)" "^TAGS:" "TAGS: PGOV JAP" nil "TAGS: PGOV JAP" "JA" "TAGS: PGOV JA")
    ("tag by country name (KOREA) before another tag" "^TAGS:" "TAGS: KOREA PGOV" nil "TAGS: KOREA" "KS"
     "TAGS: KS PGOV")
    ;; A name in two words out of its title's order (Korea (South)): KS replaces both words.
    ("tag by a name in two words (SOUTH KOR)" "^TAGS:" "TAGS: PGOV SOUTH KOR" nil "TAGS: PGOV SOUTH KOR"
     "KS" "TAGS: PGOV KS")
    ;; FL2 that wraps: a routing indicator on its continuation line.
    ("FL2 continuation line" "^PP " "PP RUEHC RUEHBJ\nRUEHM" nil "RUEHM" "RUEHMO" "RUEHMO")))

(defun completion-candidates-shown ()
  "The candidates listed in the *Completions* buffer, when a window shows it."
  (let ((buf (get-buffer "*Completions*")) cands)
    (when (and buf (get-buffer-window buf))
      (with-current-buffer buf
        (let ((pos (point-min)))
          (while (setq pos (next-single-property-change pos 'completion--string))
            (when-let* ((c (get-text-property pos 'completion--string)))
              (push (substring-no-properties c) cands))))))
    (delete-dups (nreverse cands))))

(defun completion-choose (cand)
  "Complete at point as a user does, and accept CAND.
Runs `completion-at-point' (\[completion-at-point]); when it lists the
candidates in *Completions*, chooses CAND there as a click or RET on it
does (`choose-completion').  A sole candidate is inserted by
`completion-at-point' itself.  Returns t when CAND was accepted, else
the candidates shown."
  (let ((before (buffer-string)))
    (completion-at-point)
    (let ((shown (completion-candidates-shown)))
      (cond
       ((member cand shown)
        (let ((win (get-buffer-window "*Completions*")))
          (select-window win)
          (goto-char (point-min))
          (let ((pos (point-min)))
            (while (and (setq pos (next-single-property-change pos 'completion--string))
                        (not (equal (get-text-property pos 'completion--string) cand))))
            (goto-char pos))
          (choose-completion)
          t))
       ((and (null shown) (not (equal before (buffer-string)))) t)
       (t (or shown (list :nothing-shown)))))))

(defun completion-reset (cable)
  "Close the completion session and show CABLE in the selected window."
  (completion-in-region-mode -1)
  (when-let* ((buf (get-buffer "*Completions*")))
    (dolist (w (get-buffer-window-list buf nil t)) (ignore-errors (delete-window w)))
    (kill-buffer buf))
  (switch-to-buffer cable))

(defun completion-run ()
  (find-file (getenv "CASE_FILE"))
  (apply #'eglot (eglot--guess-contact))
  (unless (completion-wait #'eglot-current-server 15) (error "No server within 15 s"))
  (let ((original (buffer-string)))
    (dolist (s completion-scenarios)
      (pcase-let ((`(,name ,replace ,text ,after-line ,at ,cand ,expect) s))
        (let ((inhibit-read-only t)) (erase-buffer) (insert original))
        (goto-char (point-min))
        (if replace
            (progn (re-search-forward replace)
                   (delete-region (line-beginning-position) (line-end-position))
                   (insert text))
          (re-search-forward after-line)
          (end-of-line)
          (insert "\n" text))
        (eglot--signal-textDocument/didChange)
        (beginning-of-line)
        (search-forward at (line-end-position))
        (let* ((line (line-number-at-pos))
               (cable (current-buffer))
               (chosen (completion-choose cand)))
          (let* ((got (with-current-buffer cable
                        (save-excursion (goto-char (point-min)) (forward-line (1- line))
                                        (buffer-substring-no-properties (line-beginning-position)
                                                                        (line-end-position)))))
                 (ok (and (eq chosen t) (equal got expect))))
            (unless ok (setq completion-failures (1+ completion-failures)))
            (completion-out "%s completion %s: line %d is %S%s" (if ok "PASS" "FAIL") name line got
                            (if (eq chosen t) ""
                              (format " (no candidate %S among %S)" cand chosen))))
          (completion-reset cable))))))

(defun completion-skeleton ()
  "In an empty cable of a folder with a [draft] table, accept \"New cable\".
The buffer must then be exactly what `cablelint new' writes in that folder for the
minute of the inserted date-time group, with its placeholders, and point (no yasnippet
here, so the item is plain text) on the first placeholder, [[TAGS]]."
  (let* ((dir (make-temp-file "skeleton" t))
         (months '("JAN" "FEB" "MAR" "APR" "MAY" "JUN" "JUL" "AUG" "SEP" "OCT" "NOV" "DEC")))
    (with-temp-file (expand-file-name "cablelint.toml" dir)
      (insert "[draft]\npost = \"AMEMBASSY OSLO\"\nto = [\"SECSTATE WASHDC\"]\n"))
    (find-file (expand-file-name "new.cable" dir))
    (apply #'eglot (eglot--guess-contact))
    (unless (completion-wait #'eglot-current-server 15) (error "No server for the empty cable within 15 s"))
    (let* ((cable (current-buffer))
           (chosen (completion-choose "New cable"))
           (text (with-current-buffer cable (buffer-string)))
           (dtg (nth 4 (split-string text "\n")))
           (want (and (string-match "^[ZOPR] \\([0-9][0-9]\\)\\([0-9][0-9]\\)\\([0-9][0-9]\\)Z \\([A-Z]\\{3\\}\\) \\([0-9][0-9]\\)$" dtg)
                      (let ((default-directory (file-name-as-directory dir))
                            (date (format "20%s-%02d-%sT%s:%s" (match-string 5 dtg)
                                          (1+ (or (seq-position months (match-string 4 dtg)) -1))
                                          (match-string 1 dtg) (match-string 2 dtg) (match-string 3 dtg))))
                        (with-temp-buffer
                          (call-process "cablelint" nil t nil "new" "--date" date)
                          (buffer-string)))))
           (at (with-current-buffer cable
                 (buffer-substring-no-properties (point) (min (point-max) (+ (point) 8)))))
           (ok (and (eq chosen t) want (equal (string-trim-right text) (string-trim-right want))
                    (equal at "[[TAGS]]"))))
      (unless ok (setq completion-failures (1+ completion-failures)))
      (completion-out "%s completion New cable: %s" (if ok "PASS" "FAIL")
                      (cond ((not (eq chosen t)) (format "no candidate \"New cable\" among %S" chosen))
                            ((not want) (format "line 5 is %S, not a date-time group" dtg))
                            (ok "the buffer is what cablelint new writes, placeholders kept, point on [[TAGS]]")
                            ((not (equal at "[[TAGS]]")) (format "point is before %S, not on the first placeholder [[TAGS]]" at))
                            (t (format "buffer %S, expected %S" text want))))
      (completion-reset cable))))

(condition-case err
    (progn (completion-run) (completion-skeleton))
  (error (setq completion-failures (1+ completion-failures))
         (completion-out "FAIL completion: error: %s" (error-message-string err))))
(kill-emacs (if (= completion-failures 0) 0 1))

;;; completion.el ends here
