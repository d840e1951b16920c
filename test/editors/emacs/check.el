;;; check.el --- run in batch after the README's init block, on a file with one wrong status -*- lexical-binding: t -*-
;; Waits for eglot's diagnostic, applies the preferred quick fix through eglot's own workspace-edit code, waits
;; for the diagnostic to go, and writes what happened to $OUT, one line each.

(require 'eglot)
(require 'flymake)

(defvar auth-status-check-out (getenv "OUT"))

(defun auth-status-check-say (format-string &rest args)
  (write-region (concat (apply #'format format-string args) "\n") nil auth-status-check-out t 'silent))

(defun auth-status-check-wait (seconds predicate)
  "Let eglot and its timers run until PREDICATE holds or SECONDS pass; the last value of PREDICATE."
  (let ((deadline (+ (float-time) seconds)) (value nil))
    (while (and (not (setq value (funcall predicate))) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    value))

(defun auth-status-check-diagnostics ()
  "Flymake's diagnostics in this buffer that came from the language server."
  (flymake-start)
  (cl-remove-if-not (lambda (diagnostic) (eq (flymake-diagnostic-backend diagnostic) 'eglot-flymake-backend))
                    (flymake-diagnostics)))

(defun auth-status-check-finish (code)
  (kill-emacs code))

(find-file (expand-file-name "server.js"))
;; eglot-ensure connects from post-command-hook, which a batch session never runs.
(run-hooks 'post-command-hook)
(unless (auth-status-check-wait 15 #'eglot-current-server)
  (auth-status-check-say "no eglot server within 15 s")
  (auth-status-check-finish 1))
(auth-status-check-say "server %s, language id %s" (eglot--project-nickname (eglot-current-server))
                       (eglot--language-id (eglot-current-server)))

(unless (auth-status-check-wait 15 #'auth-status-check-diagnostics)
  (auth-status-check-say "no diagnostics within 15 s")
  (auth-status-check-finish 1))
(let* ((diagnostic (car (auth-status-check-diagnostics)))
       (beg (flymake-diagnostic-beg diagnostic))
       (end (flymake-diagnostic-end diagnostic))
       (line (line-number-at-pos beg)))
  (auth-status-check-say "diagnostic %d:%d %s" line
                         (save-excursion (goto-char beg) (1+ (current-column)))
                         (flymake-diagnostic-text diagnostic))
  (let* ((actions (eglot-code-actions beg end))
         (preferred (seq-find (lambda (action) (eq (plist-get action :isPreferred) t)) actions)))
    (dolist (action actions)
      (auth-status-check-say "action %s%s" (plist-get action :title) (if (eq action preferred) " (preferred)" "")))
    (unless (plist-get preferred :edit)
      (auth-status-check-say "no preferred quick fix with an edit")
      (auth-status-check-finish 1))
    (eglot--apply-workspace-edit (plist-get preferred :edit))
    ;; eglot sends the change from an idle timer, and a batch session is never idle: send it as that timer would.
    (eglot--signal-textDocument/didChange)
    (auth-status-check-say "line after fix: %s"
                           (save-excursion (goto-char (point-min)) (forward-line (1- line))
                                           (buffer-substring-no-properties (line-beginning-position) (line-end-position))))))

(let ((gone (auth-status-check-wait 15 (lambda () (null (auth-status-check-diagnostics))))))
  (auth-status-check-say "diagnostics after fix: %s" (if gone "none" (length (auth-status-check-diagnostics))))
  (auth-status-check-finish (if gone 0 1)))

;;; check.el ends here
