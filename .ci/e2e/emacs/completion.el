;;; completion.el --- Emacs + Eglot: the buffer text after accepting a completion  -*- lexical-binding: t -*-

;; Run by .ci/e2e/emacs.sh: emacs --batch -Q -L editors/emacs -l .ci/e2e/emacs/completion.el
;; Environment: CASE_FILE (a scratch copy of 09OSLO417.cable). For each scenario the candidate is chosen
;; as `completion-in-region' inserts it (the completion's start-to-end region, the symbol at point,
;; replaced by the candidate) and Eglot's own exit function then runs; the line must then be the
;; expected text.

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
  '(("tag completed mid-word (PR|EL)" "^TAGS:" "TAGS: PGOV PREL NO" nil "TAGS: PGOV PR" "PREF"
     "TAGS: PGOV PREF NO")
    ("addressee by city" nil "TOKYO" "^INFO " "TOKYO" "RUEHKO/AMEMBASSY TOKYO" "RUEHKO/AMEMBASSY TOKYO")
    ("banner while typing CONF" "^C O N F I D E N T I A L" "CONF" nil "CONF" "C O N F I D E N T I A L"
     "C O N F I D E N T I A L OSLO 000417")
    ("reason list" "^Classified By" "Classified By: Ambassador Jane Example. Reasons 1.4 (b)" nil
     "Reasons 1" "1.4 (b) and (d)" "Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d)")
    ;; Issue 15 item 7: a reason letter after `(d`, with no doubled parenthesis.
    ("reason letter after (d" "^Classified By" "Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d"
     nil "and (d" "(d)" "Classified By: Ambassador Jane Example. Reasons 1.4 (b) and (d)")
    ;; Issue 15 item 2: the DE line from the FM post, the banner's serial and the DTG; FL2.
    ("DE line" "^DE " "D" nil "D" "DE RUEHNY #0417 0731522" "DE RUEHNY #0417 0731522")
    ("FL2 prosign and routing indicators" "^PP " "P" nil "P" "PP RUEHC RUEHBJ RUEHMO RUEHSM"
     "PP RUEHC RUEHBJ RUEHMO RUEHSM")))

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
               (capf (eglot-completion-at-point))
               (beg (nth 0 capf))
               (end (nth 1 capf))
               (orig (point))
               (cands (and capf (all-completions (buffer-substring beg orig) (nth 2 capf))))
               (chosen (seq-find (lambda (c) (equal (substring-no-properties c) cand)) cands))
               (exit (plist-get (nthcdr 3 capf) :exit-function)))
          (when chosen
            (delete-region beg end)
            (goto-char beg)
            (insert chosen)
            (when exit (funcall exit chosen 'finished)))
          (let* ((got (save-excursion (goto-char (point-min)) (forward-line (1- line))
                                      (buffer-substring-no-properties (line-beginning-position)
                                                                      (line-end-position))))
                 (ok (and chosen (equal got expect))))
            (unless ok (setq completion-failures (1+ completion-failures)))
            (completion-out "%s completion %s: line %d is %S%s" (if ok "PASS" "FAIL") name line got
                            (if chosen "" (format " (no candidate %S among %d)" cand (length cands))))))))))

(condition-case err
    (completion-run)
  (error (setq completion-failures (1+ completion-failures))
         (completion-out "FAIL completion: error: %s" (error-message-string err))))
(kill-emacs (if (= completion-failures 0) 0 1))

;;; completion.el ends here
