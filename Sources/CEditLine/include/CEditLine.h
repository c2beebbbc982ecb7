#pragma once

// Tiny C helpers around libedit's readline-compatible API. They exist so the Swift
// side never touches libedit's mutable C globals (Swift 6 rejects those as shared
// mutable state) and never has to spell glibc's `struct sigaction` union.

#include <stddef.h>
#include <stdio.h>

/// The signature of libedit's `rl_attempted_completion_function`.
typedef char **(*cel_completion_fn)(const char *text, int start, int end);

/// Sets up libedit's readline layer for cherry: the program name used by
/// ~/.editrc, the completion hook (`rl_attempted_completion_function`) and a
/// filename generator that returns nothing, so Tab never falls back to files.
void cel_configure(cel_completion_fn completion);

/// Sets the stream libedit draws the prompt and the edited line on
/// (`rl_outstream`), before `cel_initialize`: the terminal when standard output
/// is a pipe (`cherry | tee log`), so editing stays on.
void cel_set_output(FILE *stream);

/// Calls `rl_initialize()` when it has not run yet; returns its result (0 on success).
int cel_initialize(void);

/// Marks the current completion attempt as final (`rl_attempted_completion_over = 1`),
/// so libedit does not try filename completion after our hook.
void cel_completion_over(void);

/// Sets the character appended after a unique completion (0 for none).
void cel_set_append_character(int c);

/// The whole line being edited (`rl_line_buffer`), as seen from inside a
/// completion hook; NULL when there is none. libedit refreshes it before calling
/// the hook. Not `rl_copy_text`: in libedit 3.1-2022 it takes byte offsets but
/// `rl_point` counts characters, and it drops the last byte (strlcpy), which cuts
/// CJK text in half.
const char *cel_line_buffer(void);

/// The newest history entry, or NULL when the history is empty. The pointer
/// belongs to libedit and is valid until the history changes.
const char *cel_last_history_line(void);

/// Installs a SIGINT handler without SA_RESTART that calls `handler` and makes
/// sure the calling thread (the one about to block in read()) gets the signal,
/// so its read() fails with EINTR and readline() returns NULL whichever thread
/// the kernel picked. Unblocks SIGINT in the calling thread in case it was
/// handed down blocked; the previous action and mask are kept.
/// Returns 0 on success.
int cel_sigint_install(void (*handler)(int));

/// Puts back the SIGINT action and signal mask saved by the last `cel_sigint_install`.
void cel_sigint_restore(void);

/// How many entries the history holds.
int cel_history_count(void);

/// The history entry at `index` (0 is the oldest), or NULL. The pointer belongs to
/// libedit and is valid until the history changes.
const char *cel_history_line(int index);
