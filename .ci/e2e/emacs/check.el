;;; check.el --- Headless Emacs + Eglot checks of editors/emacs/cable-mode.el -*- lexical-binding: t; -*-

;; Run by .ci/e2e/emacs.sh: emacs --batch -Q -L editors/emacs -l check.el
;; Environment: CASE_NAME, CASE_FILE (a scratch copy of the cable), CASE_EXPECT (its .expect.json).
;; Prints one `PASS|FAIL <case> <check>: <detail>' line per check; exits 0 only if every check passed.

;;; Code:

(require 'package)
(when (< emacs-major-version 29)
  ;; Emacs 28 has no built-in Eglot; Debian's elpa-eglot provides it.
  (package-initialize))
(require 'eglot)
(require 'cable-mode)
(require 'json)
(require 'subr-x)

(defvar check-case (or (getenv "CASE_NAME") "?"))
(defvar check-failures 0)
(setq eglot-sync-connect 10
      eglot-autoshutdown nil
      eglot-events-buffer-size 0)
;; Server-initiated edits are applied without asking (the variable was renamed in Eglot 1.15).
(setq eglot-confirm-server-initiated-edits nil)
(when (boundp 'eglot-confirm-server-edits) (setq eglot-confirm-server-edits nil))

(defun check-out (fmt &rest args)
  "Print FMT with ARGS on a line of its own."
  (princ (concat (apply #'format fmt args) "\n")))

(defun check-one-line (s)
  "Return S with runs of whitespace folded to one space."
  (replace-regexp-in-string "[ \t\n]+" " " (format "%s" s)))

(defun check (name ok &optional detail)
  "Report check NAME as passed when OK, with DETAIL."
  (check-out "%s %s %s: %s" (if ok "PASS" "FAIL") check-case name (check-one-line (or detail "")))
  (unless ok (setq check-failures (1+ check-failures))))

(defmacro check-guarded (name &rest body)
  "Run BODY; an error inside it fails check NAME."
  (declare (indent 1))
  `(condition-case err (progn ,@body)
     (error (check ,name nil (format "error: %s" (error-message-string err))))))

(defun check-wait (pred secs)
  "Wait up to SECS seconds for PRED to return non-nil, and return its value."
  (let ((deadline (+ (float-time) secs)) v)
    (while (and (not (setq v (funcall pred))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    v))

(defun check-read-json (path)
  "Read the JSON file at PATH into alists and lists."
  (with-temp-buffer
    (insert-file-contents path)
    (json-parse-buffer :object-type 'alist :array-type 'list)))

(defun check-diag-code (d)
  "Return the LSP code of flymake diagnostic D as a string."
  (let* ((data (flymake-diagnostic-data d))
         (lsp (and (listp data) (cdr (assq 'eglot-lsp-diag data))))
         (code (and lsp (plist-get lsp :code))))
    (cond (code (format "%s" code))
          ((string-match "\\[\\([A-Z]+[0-9]+\\)\\]" (flymake-diagnostic-text d))
           (match-string 1 (flymake-diagnostic-text d))))))

(defun check-diags-on (code line)
  "Return the flymake diagnostics with CODE on 1-based LINE."
  (seq-filter (lambda (d) (and (equal (check-diag-code d) code)
                               (= (line-number-at-pos (flymake-diagnostic-beg d)) line)))
              (flymake-diagnostics)))

(defun check-goto (line find)
  "Put point inside the first FIND on 1-based LINE."
  (goto-char (point-min))
  (forward-line (1- line))
  (unless (search-forward find (line-end-position) t)
    (error "%S not found on line %d" find line))
  (goto-char (1+ (match-beginning 0))))

(defun check-hover-text (contents)
  "Flatten hover CONTENTS (MarkupContent, MarkedString or a vector of them) into text."
  (cond ((null contents) "")
        ((stringp contents) contents)
        ((vectorp contents) (mapconcat #'check-hover-text contents "\n"))
        ((plist-get contents :value))
        (t (format "%S" contents))))

(defun check-face-at (line find)
  "Return the face at the first FIND on 1-based LINE (or the line start when FIND is nil)."
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- line))
    (when find (search-forward find (line-end-position)) (goto-char (match-beginning 0)))
    (get-text-property (point) 'face)))

(defun check-line-matching (re)
  "Return the 1-based number of the first line matching RE."
  (save-excursion
    (goto-char (point-min))
    (and (re-search-forward re nil t) (line-number-at-pos))))

(defun check-line-text (line)
  "Return the text of 1-based LINE."
  (save-excursion
    (goto-char (point-min))
    (forward-line (1- line))
    (buffer-substring-no-properties (line-beginning-position) (line-end-position))))

(defun check-run ()
  "Run every check of the case."
  (check-out "emacs %s eglot %s case=%s" emacs-version
             (or (ignore-errors (package-version-join (package-desc-version (cadr (assq 'eglot package-alist)))))
                 (ignore-errors (package-version-join (alist-get 'eglot package--builtin-versions))) "?")
             check-case)
  (let* ((spec (check-read-json (getenv "CASE_EXPECT")))
         original server)
    (find-file (getenv "CASE_FILE"))
    (setq original (buffer-string))
    (check "major mode" (eq major-mode 'cable-mode) (format "%s" major-mode))
    (check-guarded "font-lock"
      (font-lock-ensure)
      (let ((probes `(("^C O N F I D E N T I A L" nil cable-confidential-face)
                      ("^DE " "DE" cable-keyword-face)
                      ("^INFO " "RUEHBJ" cable-routing-indicator-face)
                      ("^TAGS" "TAGS" cable-label-face)
                      ("^TAGS" "PREL" cable-tag-face)
                      ("^TAGS" "[" cable-markup-face)
                      ("^E\\.O\\." nil cable-label-face)
                      ("^SUBJECT:" nil cable-label-face)
                      ("^¶?1\\. " nil cable-paragraph-number-face)
                      ("^¶?1\\. " "(C)" cable-confidential-face)))
            bad seen)
        (dolist (p probes)
          (let* ((line (check-line-matching (nth 0 p)))
                 (face (and line (check-face-at line (nth 1 p)))))
            (push (format "%s:%s=%s" line (or (nth 1 p) (nth 0 p)) face) seen)
            (unless (eq face (nth 2 p))
              (push (format "line %s %S: %s, expected %s" line (or (nth 1 p) (nth 0 p)) face (nth 2 p)) bad))))
        (check "font-lock" (null bad) (string-join (nreverse (or bad seen)) " "))))
    ;; `eglot-ensure' waits for `post-command-hook', which never runs in batch mode; M-x eglot does the same.
    (apply #'eglot (eglot--guess-contact))
    (setq server (check-wait #'eglot-current-server 15))
    (check "server started" server
           (if server (format "%s" (process-command (jsonrpc--process server))) "no server within 15 s"))
    (unless server (error "No server"))
    (let ((restore (lambda ()
                     (let ((inhibit-read-only t)) (erase-buffer) (insert original))
                     (eglot--signal-textDocument/didChange))))
      (dolist (step (alist-get 'steps spec))
        (let ((kind (alist-get 'kind step)))
          (cond
           ((equal kind "diagnostics")
            (let ((expect (alist-get 'expect step)))
              (check-wait (lambda () (seq-every-p (lambda (e) (check-diags-on (alist-get 'code e) (alist-get 'line e)))
                                                  expect))
                          15)
              (dolist (d (flymake-diagnostics))
                (check-out "  DIAG %d [%s] %s %s" (line-number-at-pos (flymake-diagnostic-beg d)) (check-diag-code d)
                           (flymake-diagnostic-type d) (check-one-line (flymake-diagnostic-text d))))
              (dolist (e expect)
                (let* ((found (check-diags-on (alist-get 'code e) (alist-get 'line e)))
                       (at (alist-get 'at e))
                       (want (and at (string-search at (check-line-text (alist-get 'line e)))))
                       (cols (mapcar (lambda (d) (save-excursion (goto-char (flymake-diagnostic-beg d))
                                                                 (current-column)))
                                     found))
                       (ok (and found (or (null at) (memql want cols)))))
                  (check (format "diagnostic %s" (alist-get 'code e)) ok
                         (format "%s on line %d%s" (alist-get 'code e) (alist-get 'line e)
                                 (if at (format " starting at %S (column %s; got %s)" at want cols) "")))))))
           ((equal kind "config")
            ;; Live reload: the workspace configuration changes and the server is told to pull it again.
            (let* ((code (alist-get 'code step)) (line (alist-get 'line step))
                   (settings (alist-get 'settings step))
                   (name (format "config %s" (json-encode settings)))
                   (plist (apply #'append (mapcar (lambda (kv) (list (intern (format ":%s" (car kv)))
                                                                     (if (listp (cdr kv)) (vconcat (cdr kv)) (cdr kv))))
                                                  settings))))
              (check-guarded name
                (unless (check-wait (lambda () (check-diags-on code line)) 5)
                  (error "No %s diagnostic on line %d before the change" code line))
                (setq-default eglot-workspace-configuration (list :cablelint plist))
                (eglot-signal-didChangeConfiguration server)
                (let ((gone (check-wait (lambda () (null (check-diags-on code line))) 10)))
                  (check (format "%s clears %s" name code) gone (if gone "" "still reported after 10 s")))
                (setq-default eglot-workspace-configuration nil)
                (eglot-signal-didChangeConfiguration server)
                (let ((back (check-wait (lambda () (check-diags-on code line)) 10)))
                  (check (format "config reset brings back %s" code) back (if back "" "not reported again after 10 s"))))))
           ((equal kind "hover")
            (let ((find (alist-get 'find step)) (want (alist-get 'expect step)))
              (check-guarded (format "hover %s" find)
                (check-goto (alist-get 'line step) find)
                (let* ((hover (jsonrpc-request server :textDocument/hover (eglot--TextDocumentPositionParams)))
                       (text (check-hover-text (plist-get hover :contents))))
                  (check (format "hover %s" find) (string-search want text) (format "want %S, got %S" want text))))))
           ((equal kind "fix")
            ;; A user fixes each squiggle of the code on the line with its quick fix, until none is left.
            (let ((code (alist-get 'code step)) (line (alist-get 'line step)) (applied nil))
              (check-guarded (format "quick fix %s" code)
                (unless (check-wait (lambda () (check-diags-on code line)) 5)
                  (error "No %s diagnostic on line %d to fix" code line))
                (catch 'done
                  (dotimes (_ 20)
                    (let* ((found (or (check-diags-on code line) (throw 'done nil)))
                           (lsp (cdr (assq 'eglot-lsp-diag (flymake-diagnostic-data (car found)))))
                           (actions (jsonrpc-request
                                     server :textDocument/codeAction
                                     (list :textDocument (eglot--TextDocumentIdentifier)
                                           :range (plist-get lsp :range)
                                           :context (list :diagnostics (vector lsp) :only ["quickfix"]))))
                           (action (or (seq-find (lambda (a) (plist-get a :isPreferred)) actions)
                                       (seq-first actions)
                                       (error "No quickfix action offered for %s" (flymake-diagnostic-text (car found))))))
                      (check-out "  CODE ACTIONS %s" (mapconcat (lambda (a) (format "%S" (plist-get a :title))) actions " "))
                      (if (fboundp 'eglot-execute)
                          (eglot-execute server action)
                        (eglot--apply-workspace-edit (plist-get action :edit)))
                      (push (plist-get action :title) applied)
                      (eglot--signal-textDocument/didChange)
                      ;; The next round starts from the diagnostics of the edited text.
                      (unless (check-wait (lambda () (< (length (check-diags-on code line)) (length found))) 5)
                        (throw 'done nil)))))
                (let ((got (check-line-text line)) (left (length (check-diags-on code line))))
                  (check (format "quick fix %s" code) (equal got (alist-get 'expect_line step))
                         (format "applied %d fix(es) (%s); line %d is %S" (length applied)
                                 (string-join (nreverse applied) "; ") line got))
                  (check (format "fixed diagnostics cleared %s" code) (= left 0)
                         (if (= left 0) "" (format "%d still reported" left))))))
            (funcall restore))
           ((equal kind "fix_all")
            (check-guarded "cablelint-fix-all"
              (goto-char (point-min))
              (cablelint-fix-all)
              (let* ((line (alist-get 'line step))
                     (got (check-wait (lambda () (let ((l (check-line-text line)))
                                                   (and (equal l (alist-get 'expect_line step)) l)))
                                      5)))
                (check "cablelint-fix-all" got (format "line %d is %S" line (check-line-text line)))))
            (funcall restore))
           ((equal kind "completion")
            (let ((set-line (alist-get 'set_line step)))
              (check-guarded "completion"
                (goto-char (point-min))
                (forward-line (1- (alist-get 'line step)))
                (delete-region (line-beginning-position) (line-end-position))
                (insert set-line)
                (eglot--signal-textDocument/didChange)
                (let* ((capf (or (eglot-completion-at-point) (error "eglot-completion-at-point returned nil")))
                       (cands (all-completions "" (nth 2 capf)))
                       (missing (seq-remove (lambda (w) (member w cands)) (alist-get 'expect step))))
                  (check (format "completion after %S" set-line) (null missing)
                         (format "%d items: %s%s" (length cands) (string-join (seq-take cands 12) ",")
                                 (if missing (concat " MISSING " (string-join missing ",")) ""))))))
            (funcall restore))
;; What a user runs: `eglot-format-buffer', or `eglot-format' over a region; the buffer text
           ;; afterwards must be the expected file (`cablelint fmt -' of the cable, or that paragraph only).
           ((member kind '("format" "range_format"))
            (let* ((range (equal kind "range_format"))
                   (name (if range "eglot-format (region)" "eglot-format"))
                   (want (with-temp-buffer
                           (insert-file-contents (expand-file-name (alist-get 'expect_file step)
                                                                   (file-name-directory (getenv "CASE_EXPECT"))))
                           (buffer-string))))
              (check-guarded name
                (when (equal (buffer-string) want)
                  (error "The expected text is the buffer as it is, so the check could not fail"))
                (if range
                    (let (beg end)
                      (goto-char (point-min))
                      (forward-line (1- (alist-get 'line step)))
                      (setq beg (point))
                      (forward-line (- (alist-get 'end_line step) (alist-get 'line step)))
                      (setq end (line-end-position))
                      (eglot-format beg end))
                  (eglot-format))
                (let* ((got (buffer-string))
                       (gl (split-string got "\n")) (wl (split-string want "\n"))
                       (i (seq-position (seq-mapn #'equal gl wl) nil)))
                  (check name (equal got want)
                         (if (equal got want) "buffer is the expected text"
                           (format "line %s is %S, expected %S" (1+ (or i (min (length gl) (length wl))))
                                   (nth (or i (length wl)) gl) (nth (or i (length gl)) wl)))))))
            (funcall restore))
           (t (check (format "step %s" kind) nil "unknown step kind"))))))
    (let ((proc (jsonrpc--process server)))
      (eglot-shutdown server)
      (check "server stops on shutdown/exit" (check-wait (lambda () (not (process-live-p proc))) 5)
             (if (process-live-p proc) "still running 5 s after shutdown" "")))))

(condition-case err
    (check-run)
  (error (check "run" nil (format "error: %s" (error-message-string err)))))
(check-out "%s %s: %d failed" (if (= check-failures 0) "OK" "FAILED") check-case check-failures)
(kill-emacs (if (= check-failures 0) 0 1))

;;; check.el ends here
