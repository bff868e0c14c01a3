;;; fill.el --- Emacs: M-q in cable-mode lays a paragraph out as `cablelint fmt' does  -*- lexical-binding: t -*-

;; Run by .ci/e2e/emacs.sh: emacs --batch -Q -L editors/emacs -l .ci/e2e/emacs/fill.el
;; Environment: CABLELINT_BIN (the binary whose `fmt' the filled text is compared with; the
;; comparison is skipped, visibly, when it is unset).  For each scenario an invented draft is
;; opened in cable-mode, the user goes to the end of a line, types a sentence (or nothing) and
;; presses M-q; the whole buffer must then be the expected text and, when the draft has its blank
;; lines, the text `cablelint fmt' writes for the buffer before M-q.  Prints `PASS|FAIL fill
;; <scenario>: <detail>' lines; exits 0 only if every check passed.

;;; Code:

(require 'cable-mode)
(require 'subr-x)

(defvar fill-failures 0)

(defun fill-out (fmt &rest args)
  "Print FMT with ARGS on a line of its own."
  (princ (concat (apply #'format fmt args) "\n")))

(defun fill-check (name ok detail)
  "Report check NAME as passed when OK, with DETAIL."
  (fill-out "%s fill %s: %s" (if ok "PASS" "FAIL") name
            (replace-regexp-in-string "\n" "\\\\n" (format "%s" (or detail ""))))
  (unless ok (setq fill-failures (1+ fill-failures))))

(defconst fill-head
  "UNCLAS OSLO 000001\n\nE.O. 13526: N/A\nTAGS: PREL NO\nSUBJECT: TEST\n\n"
  "The start of every draft.")

(defconst fill-scenarios
  ;; (name, draft after `fill-head', text after which point goes (at the end of its line),
  ;;  text typed there, expected buffer after `fill-head', whether `cablelint fmt' gives the same)
  '(("signature directly under the last paragraph"
     "1. (U) The State Secretary told the Ambassador on December 1 that\nNorway would support the statement on search and rescue.\n\n2. (U) She said Norway would host the next round.\nDOE\n"
     "host the next round."
     " The Minister added that Norway would raise it with the Nordic partners, and he asked for U.S. support before the ministerial in May. Mr. Doe agreed."
     "1. (U) The State Secretary told the Ambassador on December 1 that\nNorway would support the statement on search and rescue.\n\n2. (U) She said Norway would host the next round. The Minister added\nthat Norway would raise it with the Nordic partners, and he asked for\nU.S. support before the ministerial in May. Mr. Doe agreed.\nDOE\n"
     t)
    ("numbered paragraph directly under another"
     "1. (U) The State Secretary told the Ambassador on December 1 that\nNorway would support the statement.\n2. (U) She said Norway would host the next round.\n\nDOE\n"
     "support the statement."
     " She said so twice."
     "1. (U) The State Secretary told the Ambassador on December 1 that\nNorway would support the statement. She said so twice.\n2. (U) She said Norway would host the next round.\n\nDOE\n"
     nil)
    ("one-word line of prose is joined"
     "1. (U) The talks on the new fisheries agreement were led by\nNorway\nand Denmark.\n\nDOE\n"
     "and Denmark."
     ""
     "1. (U) The talks on the new fisheries agreement were led by Norway\nand Denmark.\n\nDOE\n"
     t))
  "The fill scenarios.")

(defun fill-fmt (text)
  "The text `cablelint fmt' writes for TEXT, or nil when CABLELINT_BIN is unset."
  (let ((bin (getenv "CABLELINT_BIN")))
    (when (and bin (not (string-empty-p bin)))
      (with-temp-buffer
        (insert text)
        (call-process-region (point-min) (point-max) bin t t nil "fmt" "-")
        (buffer-string)))))

(let ((dir (make-temp-file "cable-fill" t)))
  (dolist (s fill-scenarios)
    (pcase-let ((`(,name ,draft ,after ,typed ,want ,same-as-fmt) s))
      (let ((file (expand-file-name "draft.cable" dir)))
        (with-temp-file file (insert fill-head draft))
        (with-current-buffer (find-file-noselect file)
          (fill-check (format "%s: mode" name) (eq major-mode 'cable-mode) major-mode)
          (goto-char (point-min))
          (search-forward after)
          (end-of-line)
          (insert typed)
          (let ((before (buffer-string)))
            (call-interactively #'fill-paragraph)
            (let ((got (buffer-substring-no-properties (point-min) (point-max))))
              (fill-check name (equal got (concat fill-head want)) got)
              (when same-as-fmt
                (let ((fmt (fill-fmt before)))
                  (if fmt
                      (fill-check (format "%s: as cablelint fmt" name) (equal got fmt) fmt)
                    (fill-out "SKIP fill %s: as cablelint fmt (CABLELINT_BIN unset)" name))))))
          (set-buffer-modified-p nil)
          (kill-buffer))))))

(kill-emacs (if (= fill-failures 0) 0 1))

;;; fill.el ends here
