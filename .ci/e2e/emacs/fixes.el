;;; fixes.el --- Emacs + Eglot: quick fixes chosen by title, and fix-all  -*- lexical-binding: t -*-

;; Run by .ci/e2e/emacs.sh: emacs --batch -Q -L editors/emacs -l .ci/e2e/emacs/fixes.el
;; Environment: FIXES_SPEC (editors/test-fixtures/fixes.json), CASE_FILE (a scratch copy of the cable
;; it names).  For each fix of the spec, on the cable as written: point on the diagnostic, M-x
;; eglot-code-actions, the action of that title picked at its prompt; the whole buffer must then be
;; the cable with the expected lines, and nothing else changed.  Then M-x cablelint-fix-all must give
;; exactly the text `cablelint check --fix' writes for a copy of the cable.  Prints
;; `PASS|FAIL fixes <check>: <detail>' lines; exits 0 only if every check passed.

;;; Code:

(require 'eglot)
(require 'cable-mode)
(require 'subr-x)

(defvar fixes-failures 0)
(setq eglot-sync-connect 10 eglot-autoshutdown nil eglot-events-buffer-size 0)

(defun fixes-out (fmt &rest args)
  "Print FMT with ARGS on a line of its own."
  (princ (concat (apply #'format fmt args) "\n")))

(defun fixes-check (name ok detail)
  "Report check NAME as passed when OK, with DETAIL."
  (fixes-out "%s fixes %s: %s" (if ok "PASS" "FAIL") name
             (replace-regexp-in-string "[ \t\n]+" " " (format "%s" (or detail ""))))
  (unless ok (setq fixes-failures (1+ fixes-failures)))
  ok)

(defun fixes-wait (pred secs)
  "Wait up to SECS seconds for PRED to return non-nil, and return its value."
  (let ((deadline (+ (float-time) secs)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    v))

(defun fixes-lines (text)
  "The lines of TEXT, without the empty string after its final newline."
  (split-string (string-remove-suffix "\n" text) "\n"))

(defun fixes-first-difference (got want)
  "The first difference between the lists of lines GOT and WANT, as a sentence; nil when equal."
  (catch 'found
    (dotimes (i (max (length got) (length want)))
      (unless (equal (nth i got) (nth i want))
        (throw 'found (format "line %d is %S, expected %S" (1+ i)
                              (or (nth i got) "(none)") (or (nth i want) "(none)")))))))

(defun fixes-diagnostic (code line at)
  "The flymake diagnostic CODE on 1-based LINE (starting at the text AT, when given), or nil."
  (seq-find
   (lambda (d)
     (let* ((lsp (cdr (assq 'eglot-lsp-diag (flymake-diagnostic-data d))))
            (beg (flymake-diagnostic-beg d)))
       (and (equal (format "%s" (plist-get lsp :code)) code)
            (= (line-number-at-pos beg) line)
            (or (null at)
                (save-excursion (goto-char beg) (looking-at-p (regexp-quote at)))))))
   (flymake-diagnostics)))

(defun fixes-pick (title)
  "Run M-x eglot-code-actions at point and pick the action TITLE at its prompt.
Returns the titles the prompt offered."
  (let* ((offered nil)
         ;; A choice made with the keyboard: Eglot prompts with `completing-read' (a mouse event
         ;; would open a menu instead); the user picks TITLE there.
         (last-nonmenu-event ?\r)
         (completing-read-function
          (lambda (_prompt collection &rest _)
            (setq offered (mapcar (lambda (c) (if (consp c) (car c) c)) collection))
            (if (member title offered) title
              (error "No action %S among %S" title offered)))))
    (call-interactively #'eglot-code-actions)
    offered))

(defun fixes-run ()
  "Run every check of the spec."
  (let* ((spec (with-temp-buffer
                 (insert-file-contents (getenv "FIXES_SPEC"))
                 (json-parse-buffer :object-type 'alist :array-type 'list)))
         (cable-file (getenv "CASE_FILE"))
         (original (with-temp-buffer (insert-file-contents cable-file) (buffer-string)))
         (original-lines (fixes-lines original)))
    (find-file cable-file)
    (apply #'eglot (eglot--guess-contact))
    (unless (fixes-check "server started" (fixes-wait #'eglot-current-server 15) "")
      (error "No server"))
    (dolist (fix (alist-get 'fixes spec))
      (let-alist fix
        (condition-case err
            (progn
              (unless (equal (buffer-string) original)
                (let ((inhibit-read-only t)) (erase-buffer) (insert original))
                (eglot--signal-textDocument/didChange))
              (let ((d (fixes-wait (lambda () (fixes-diagnostic .code .line .at)) 10))
                    (want (copy-sequence original-lines))
                    offered diff)
                (unless d (error "No %s diagnostic on line %d" .code .line))
                (goto-char (flymake-diagnostic-beg d))
                (setq offered (fixes-pick .title))
                (fixes-out "  CODE ACTIONS %s" (string-join offered " | "))
                (dolist (e .expect)
                  (setf (nth (1- (string-to-number (symbol-name (car e)))) want) (cdr e)))
                (fixes-wait (lambda () (not (equal (buffer-string) original))) 5)
                (fixes-wait (lambda () (equal (fixes-lines (buffer-string)) want)) 2)
                (setq diff (fixes-first-difference (fixes-lines (buffer-string)) want))
                (fixes-check .name (null diff) (or diff (format "applied %S" .title)))
                (when .only_one
                  (let ((n (seq-count (lambda (title) (string-prefix-p .only_one title)) offered)))
                    (fixes-check (format "one %S action" .only_one) (= n 1) (format "%d offered" n))))))
          (error (fixes-check .name nil (format "error: %s" (error-message-string err)))))))
    ;; What `cablelint check --fix' writes for a copy of the cable.
    (let* ((copy (expand-file-name (file-name-nondirectory cable-file) (make-temp-file "fixes" t)))
           cli diff)
      (with-temp-file copy (insert original))
      (call-process "cablelint" nil nil nil "check" "--fix" copy)
      (setq cli (fixes-lines (with-temp-buffer (insert-file-contents copy) (buffer-string))))
      (fixes-check "cablelint check --fix changes the cable" (not (equal cli original-lines))
                   "so that the comparison can fail")
      (unless (equal (buffer-string) original)
        (let ((inhibit-read-only t)) (erase-buffer) (insert original))
        (eglot--signal-textDocument/didChange))
      (fixes-wait (lambda () (fixes-diagnostic "CBL302" 15 nil)) 10)
      (goto-char (point-min))
      (call-interactively #'cablelint-fix-all)
      (fixes-wait (lambda () (not (equal (buffer-string) original))) 5)
      (fixes-wait (lambda () (equal (fixes-lines (buffer-string)) cli)) 2)
      (setq diff (fixes-first-difference (fixes-lines (buffer-string)) cli))
      (fixes-check "M-x cablelint-fix-all gives the text of cablelint check --fix" (null diff) diff))))

(condition-case err
    (fixes-run)
  (error (fixes-check "run" nil (format "error: %s" (error-message-string err)))))
(fixes-out "%s fixes: %d failed" (if (= fixes-failures 0) "OK" "FAILED") fixes-failures)
(kill-emacs (if (= fixes-failures 0) 0 1))

;;; fixes.el ends here
