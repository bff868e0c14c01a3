;;; cable-mode.el --- Major mode for US State Department cables, with cablelint via Eglot -*- lexical-binding: t; -*-

;; Author: the cablelint project
;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1"))
;; Keywords: languages, tools
;; URL: https://example.invalid/cablelint
;; SPDX-License-Identifier: MIT OR Apache-2.0

;;; Commentary:

;; `cable-mode' edits US State Department telegrams ("diplomatic cables"): `*.cable' and `*.tel' files.
;; It colours the transmission header (VZCZC, routing, DE, ZNR/ZNY, the date-time group, FM/TO/INFO/XMT),
;; the classification banner and portion markings by level, captions, the E.O. line, TAGS, SUBJECT/REF
;; labels, addressees and paragraph numbers.
;;
;; Diagnostics, completion, hover and fixes come from the cablelint language server through Eglot
;; (built into Emacs 29+; `M-x package-install RET eglot' on Emacs 28):
;;
;;   (add-to-list 'load-path "/path/to/cablelint/editors/emacs")
;;   (require 'cable-mode)
;;   (add-hook 'cable-mode-hook #'eglot-ensure)
;;
;; The server is started as "cablelint lsp" from `exec-path'.  To use another binary, or to pass
;; settings as initialization options, put your own entry first:
;;
;;   (with-eval-after-load 'eglot
;;     (add-to-list 'eglot-server-programs
;;                  '(cable-mode "/opt/cablelint/bin/cablelint" "lsp"
;;                               :initializationOptions (:requireHeader t))))
;;
;; Settings changed while Emacs runs go through `eglot-workspace-configuration' (in .dir-locals.el):
;;
;;   ((cable-mode . ((eglot-workspace-configuration
;;                    . (:cablelint (:ignore ["CBL305"] :severity (:CBL501 "warning")))))))
;;
;; `M-x cablelint-fix-all' applies every safe fix (the server's `source.fixAll.cablelint' action).

;;; Code:

(defgroup cable nil
  "Editing US State Department cables."
  :group 'languages
  :prefix "cable-")

(defface cable-unclassified-face
  '((((background dark)) :foreground "#5fd787" :weight bold)
    (t :foreground "#2e8b57" :weight bold))
  "Face for UNCLAS banners and (U)/(SBU) portion markings."
  :group 'cable)

(defface cable-confidential-face
  '((((background dark)) :foreground "#5fafff" :weight bold)
    (t :foreground "#1e6fd9" :weight bold))
  "Face for CONFIDENTIAL banners and (C) portion markings."
  :group 'cable)

(defface cable-secret-face
  '((((background dark)) :foreground "#ff5f5f" :weight bold)
    (t :foreground "#d02020" :weight bold))
  "Face for SECRET banners and (S) portion markings."
  :group 'cable)

(defface cable-top-secret-face
  '((((background dark)) :foreground "#ffaf00" :weight bold)
    (t :foreground "#e07000" :weight bold))
  "Face for TOP SECRET banners and (TS) portion markings."
  :group 'cable)

(defface cable-header-face '((t :inherit font-lock-preprocessor-face))
  "Face for the transmission header (VZCZC, routing, DE, ZNR/ZNY, DTG)."
  :group 'cable)

(defface cable-keyword-face '((t :inherit font-lock-keyword-face))
  "Face for header prosigns and the FM/TO/INFO/XMT keywords."
  :group 'cable)

(defface cable-routing-indicator-face '((t :inherit font-lock-variable-name-face))
  "Face for routing indicators such as RUEHBJ."
  :group 'cable)

(defface cable-precedence-face '((t :inherit font-lock-type-face))
  "Face for precedence words (FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY)."
  :group 'cable)

(defface cable-label-face '((t :inherit font-lock-keyword-face))
  "Face for the E.O., TAGS, SUBJECT, REF and Classified By labels."
  :group 'cable)

(defface cable-tag-face '((t :inherit font-lock-constant-face))
  "Face for TAGS tokens."
  :group 'cable)

(defface cable-markup-face '((t :inherit font-lock-warning-face))
  "Face for link markup left on TAGS tokens, such as [PREL](#)."
  :group 'cable)

(defface cable-caption-face '((t :inherit font-lock-builtin-face))
  "Face for captions such as SIPDIS and NOFORN."
  :group 'cable)

(defface cable-paragraph-number-face '((t :inherit font-lock-constant-face))
  "Face for paragraph numbers (1., with or without a pilcrow)."
  :group 'cable)

(defconst cable--months "\\(?:JAN\\|FEB\\|MAR\\|APR\\|MAY\\|JUN\\|JUL\\|AUG\\|SEP\\|OCT\\|NOV\\|DEC\\)"
  "Regexp matching a month of a date-time group.")

(defconst cable--marking-controls "\\(?://[A-Z/ -]+\\)?"
  "Regexp matching the controls after a marking's level, such as //NF.")

(defconst cable--paragraph-start "^¶?\\(?:[0-9]\\{1,2\\}\\|[A-Z]\\)\\.[ \t]+"
  "Regexp matching a paragraph number and the space after it.")

(defconst cable--paragraph-separate
  "[ \t\f]*$\\|[ \t]*[A-Z][A-Z'-]*[ \t]*$"
  "Regexp matching a line between paragraphs for filling.
That is a blank line, or a signature or caption: one word of capitals
alone on its line, such as DOE or SIPDIS.  It is matched with
`case-fold-search' off (see `cable-fill-paragraph').")

(defconst cable--header-line-start
  "\\(?:TAGS\\|SUBJECT\\|SUBJ\\|REFS?\\|E\\. ?O\\.\\|EO\\|Classified By\\|CLASSIFIED BY\\)\\_>"
  "Regexp matching the start of a header line of the text.
Those are TAGS, SUBJECT, REF, E.O. and the classification authority,
which `cablelint fmt' lays out each on its own.")

(defun cable--marking (level face)
  "Return a font-lock keyword for portion markings of LEVEL in FACE."
  `(,(concat cable--paragraph-start "\\((" level cable--marking-controls ")\\)") 1 ',face))

(defconst cable-font-lock-keywords
  `(;; Transmission header.
    ("^VZCZC[A-Z]\\{3\\}[0-9]\\{3,4\\}[ \t]*$" . 'cable-header-face)
    ("^\\(ZZ\\|OO\\|PP\\|RR\\|NN\\)\\(\\(?: R[A-Z0-9]\\{3,7\\}\\)+\\)[ \t]*$"
     (1 'cable-keyword-face) (2 'cable-routing-indicator-face))
    ("^\\(DE\\) \\(R[A-Z0-9]\\{3,7\\}\\) \\(#[0-9]\\{4\\}\\(?:/[0-9]\\{2\\}\\)?\\) \\([0-9]\\{7\\}\\)"
     (1 'cable-keyword-face) (2 'cable-routing-indicator-face) (3 'cable-header-face) (4 'cable-header-face))
    ("^ZN[RY] [A-Z]\\{5\\}\\(?:/[A-Z]\\{5\\}\\)?\\_>.*$" . 'cable-header-face)
    (,(concat "^\\([ZOPR]\\(?: [ZOPR]\\)?\\) \\([0-9]\\{6\\}Z " cable--months " [0-9][0-9]\\)\\_>")
     (1 'cable-keyword-face) (2 'cable-header-face))
    ("^\\(FM\\|TO\\|INFO\\|XMT\\)\\_>" 1 'cable-keyword-face)
    ("\\_<\\(R[A-Z0-9]\\{3,7\\}\\|ZEN\\)/" 1 'cable-routing-indicator-face)
    ("\\_<\\(FLASH\\|NIACT IMMEDIATE\\|IMMEDIATE\\|PRIORITY\\)\\(?: [0-9]\\{4\\}\\(?:-[0-9]\\{4\\}\\)?\\)?[ \t]*$"
     1 'cable-precedence-face)
    ("^\\(?:BT\\|NNNN?\\)[ \t]*$" . 'cable-header-face)
    ;; Classification banner and continuation headers, by level.
    ("^UNCLAS\\(?:SIFIED\\)?\\(?: E F T O\\)?\\_>.*$" . 'cable-unclassified-face)
    ("^\\(?:C O N F I D E N T I A L\\|CONFIDENTIAL\\|LIMITED OFFICIAL USE\\)\\_>.*$" . 'cable-confidential-face)
    ("^T O P  ?S E C R E T\\_>.*$" . 'cable-top-secret-face)
    ("^\\(?:S E C R E T\\|SECRET\\)\\_>.*$" . 'cable-secret-face)
    ;; Captions.
    ("^\\(?:SIPDIS\\|NOFORN\\|NOT RELEASABLE TO FOREIGN NATIONALS\\|SENSITIVE\\(?: BUT UNCLASSIFIED\\)?\\|NODIS\\|EXDIS\\|LIMDIS\\|STADIS\\|SPECAT\\|CODEL\\(?: [A-Z]+\\)?\\|H PASS.*\\)[ \t]*$"
     . 'cable-caption-face)
    ;; E.O. line, TAGS, SUBJECT, REF, classification authority.
    ("^\\(\\(?:E\\. ?O\\.?\\|EO\\) [0-9]\\{4,5\\}:?\\)" 1 'cable-label-face)
    ("^\\(?:E\\. ?O\\.?\\|EO\\) [0-9]\\{4,5\\}:? *\\(\\(?:DECL\\|DNG\\):?\\)" 1 'cable-label-face)
    ("^\\(TAGS\\)\\_>:?"
     (1 'cable-label-face)
     ("\\_<[A-Z][A-Z0-9]\\{1,5\\}\\_>" nil nil (0 'cable-tag-face))
     ("\\[\\|\\](#)" (beginning-of-line) nil (0 'cable-markup-face t)))
    ("^\\(SUBJECT\\|SUBJ\\|REFS?\\|Classified By\\|CLASSIFIED BY\\|Derived From\\|DERIVED FROM\\)\\_>:?"
     1 'cable-label-face)
    ;; Paragraph numbers and portion markings.
    (,(concat "\\(" cable--paragraph-start "\\)") 1 'cable-paragraph-number-face)
    ,(cable--marking "\\(?:U\\|SBU\\)" 'cable-unclassified-face)
    ,(cable--marking "C" 'cable-confidential-face)
    ,(cable--marking "S" 'cable-secret-face)
    ,(cable--marking "TS" 'cable-top-secret-face)
    ;; Text conventions.
    ("\\_<\\(?:END \\)?\\(?:SUMMARY\\|Summary\\|COMMENT\\|Comment\\)\\_>\\.?" . 'font-lock-doc-face)
    ("\\_<[Xx]\\{5,\\}\\_>" . 'font-lock-comment-face))
  "Font-lock keywords for `cable-mode'.")

(defvar cable-mode-syntax-table
  (let ((st (make-syntax-table text-mode-syntax-table)))
    ;; `/' joins a routing indicator to its address (RUEHBJ/AMEMBASSY) and a level to its controls (S//NF).
    (modify-syntax-entry ?/ "_" st)
    (modify-syntax-entry ?# "_" st)
    (modify-syntax-entry ?\" "." st)
    st)
  "Syntax table for `cable-mode'.")

(defvar cable-imenu-generic-expression
  '(("Paragraphs" "^¶?\\([0-9]\\{1,2\\}\\.\\)[ \t]+\\(.\\{0,40\\}\\)" 0)
    (nil "^\\(SUBJECT\\|REF\\|TAGS\\|E\\.O\\.\\)\\_>.*$" 0))
  "Imenu entries for `cable-mode': SUBJECT, REF, TAGS, E.O. and paragraphs.")

;;;###autoload
(define-derived-mode cable-mode text-mode "Cable"
  "Major mode for US State Department telegrams (diplomatic cables).

Diagnostics, completion and hover come from the cablelint language
server through Eglot: add `eglot-ensure' to `cable-mode-hook'.

\\{cable-mode-map}"
  :group 'cable
  :syntax-table cable-mode-syntax-table
  (setq-local font-lock-defaults '(cable-font-lock-keywords t))
  (setq-local imenu-generic-expression cable-imenu-generic-expression)
  ;; Filling (M-q, auto-fill) lays paragraphs out as `cablelint fmt' does: lines of at most 69
  ;; characters (the width of the cable forms, rule CBL501), one space after a sentence, and a
  ;; numbered paragraph and the header lines (TAGS, SUBJECT, E.O., REF, Classified By) start a
  ;; paragraph of their own, and a signature or caption line (one word of capitals alone, such as
  ;; DOE or SIPDIS) is never joined to the text around it.
  (setq-local fill-column 69)
  (setq-local sentence-end-double-space nil)
  (setq-local paragraph-separate cable--paragraph-separate)
  (setq-local paragraph-start
              (concat cable--paragraph-separate "\\|" cable--paragraph-start
                      "\\|" cable--header-line-start))
  (setq-local fill-paragraph-function #'cable-fill-paragraph)
  (setq-local require-final-newline t))

(defun cable-fill-paragraph (&optional justify)
  "Fill the paragraph at point, as `fill-paragraph' with JUSTIFY does.
Capitals are told from lower case in `paragraph-start' and
`paragraph-separate', so that a one-word line of capitals (a signature
such as DOE) ends a paragraph and a one-word line of prose does not.
It is `fill-paragraph-function' in `cable-mode'."
  (let ((case-fold-search nil))
    (fill-paragraph justify)
    t))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.\\(?:cable\\|tel\\)\\'" . cable-mode))

(declare-function eglot-code-actions "eglot")
(declare-function eglot-current-server "eglot")

(defun cablelint-fix-all ()
  "Apply every safe cablelint fix in the buffer.
This is the server's `source.fixAll.cablelint' code action."
  (interactive)
  (unless (and (fboundp 'eglot-current-server) (eglot-current-server))
    (user-error "No cablelint server is managing this buffer; run M-x eglot"))
  (let ((args (list (point-min) (point-max) "source.fixAll.cablelint"))
        (max (cdr (func-arity #'eglot-code-actions))))
    ;; Eglot 1.10+ takes a fourth argument, INTERACTIVE, with which a single action is applied at once.
    (when (or (eq max 'many) (>= max 4))
      (setq args (append args '(t))))
    (apply #'eglot-code-actions args)))

(declare-function eglot-completion-at-point "eglot")
(declare-function eglot-managed-p "eglot")

(defun cable--text-edit-candidate-p (proxy table)
  "Whether candidate PROXY of Eglot's completion TABLE carries an LSP textEdit.
A candidate chosen from the *Completions* buffer has lost its text
properties; it is then looked up among the candidates of TABLE, as
Eglot looks it up."
  (let ((item (or (get-text-property 0 'eglot--lsp-item proxy)
                  (let ((found (car (member proxy (funcall table "" nil t)))))
                    (and found (get-text-property 0 'eglot--lsp-item found))))))
    (and (plist-get item :textEdit) t)))

(defun cable--whole-candidates-only (table)
  "Eglot's completion TABLE, with no common prefix of several candidates.
A candidate replaces more than the word at point (the whole reason
list `1.4 (b) and (d)' from its `1', the whole addressee), so the
common beginning of several candidates inserted over that word alone
left the rest of the element after it (`Reasons 1.4 (.4 (b)').  Only
a sole candidate is inserted; otherwise the candidates are listed."
  (lambda (pattern pred action)
    (let ((found (funcall table pattern pred action)))
      (if (and (null action) (stringp found) (not (equal found pattern))
               (cdr (funcall table pattern pred t)))
          pattern
        found))))

(defun cable-completion-at-point ()
  "Eglot's completion at point, each item's textEdit applied as sent.
Before applying an item's textEdit, Eglot's exit function puts back
the text typed before the cursor by deleting what the candidate added
after it: it takes the candidate to be at least as long as that text.
A candidate shorter than the typed word (the tag `JA' found by typing
`JAP', `KS' by typing `KOREA') made it delete the text after the
candidate instead, such as the end of the line.  Here the inserted
candidate is replaced by the typed text before Eglot's exit function
runs, so that it finds the buffer as the server saw it; the textEdit
then replaces the typed word.  The common beginning of several
candidates is not inserted (see `cable--whole-candidates-only').
After the \"New cable\" item, point goes to the skeleton's first
placeholder (see `cable--first-placeholder')."
  (when-let* ((capf (eglot-completion-at-point)))
    (pcase-let* ((`(,beg ,end ,table . ,props) capf)
                 (start (copy-marker beg))
                 (typed (buffer-substring-no-properties beg (point)))
                 (exit (plist-get props :exit-function)))
      `(,beg ,end ,(cable--whole-candidates-only table)
             ,@(plist-put
                (copy-sequence props) :exit-function
                (lambda (proxy status)
                  (when (and (memq status '(finished exact))
                             (buffer-live-p (marker-buffer start))
                             (with-current-buffer (marker-buffer start)
                               (and (>= (point) start)
                                    (cable--text-edit-candidate-p proxy table))))
                    (with-current-buffer (marker-buffer start)
                      (delete-region start (point))
                      (goto-char start)
                      (insert typed)))
                  (when exit (funcall exit proxy status))
                  (when (and (memq status '(finished exact))
                             (string-prefix-p "New cable" proxy)
                             (buffer-live-p (marker-buffer start)))
                    (with-current-buffer (marker-buffer start)
                      (cable--first-placeholder)))))))))

(declare-function yas-active-snippets "yasnippet")

(defun cable--first-placeholder ()
  "Put point on the first `[[...]]' placeholder of a skeleton inserted as text.
Without yasnippet, Eglot inserts the \"New cable\" item as plain text
and leaves point at its end; with it, the snippet's first field is
already selected, and point stays there."
  (unless (and (fboundp 'yas-active-snippets) (yas-active-snippets))
    (let ((at (save-excursion
                (goto-char (point-min))
                (and (re-search-forward "\\[\\[[^]\n]*\\]\\]" nil t)
                     (match-beginning 0)))))
      (when at
        (goto-char at)))))

(defun cable--use-completion-at-point ()
  "Complete with `cable-completion-at-point' in a `cable-mode' buffer of Eglot's."
  (when (derived-mode-p 'cable-mode)
    (if (eglot-managed-p)
        (when (memq #'eglot-completion-at-point completion-at-point-functions)
          (remove-hook 'completion-at-point-functions #'eglot-completion-at-point t)
          (add-hook 'completion-at-point-functions #'cable-completion-at-point nil t))
      (remove-hook 'completion-at-point-functions #'cable-completion-at-point t))))

(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs '(cable-mode "cablelint" "lsp"))
  (add-hook 'eglot-managed-mode-hook #'cable--use-completion-at-point))

(provide 'cable-mode)
;;; cable-mode.el ends here
