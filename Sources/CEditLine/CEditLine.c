#include "CEditLine.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <histedit.h>
#include <editline/readline.h>

static int initialized = 0;
static struct sigaction saved_sigint;
static sigset_t saved_mask;
static int sigint_saved = 0;
static void (*sigint_callback)(int) = NULL;
static pthread_t reading_thread;
static volatile sig_atomic_t has_reading_thread = 0;

// The kernel hands a process-directed SIGINT to any thread that does not block
// it, often the main thread while the read runs on another (a Swift concurrency
// worker). Only the thread inside read() gets EINTR, so pass the signal on to it.
static void forward_sigint(int signo) {
  int saved_errno = errno;
  if (sigint_callback != NULL) {
    sigint_callback(signo);
  }
  if (has_reading_thread && !pthread_equal(pthread_self(), reading_thread)) {
    pthread_kill(reading_thread, signo);
  }
  errno = saved_errno;
}

// Never offers anything: replaces libedit's default filename generator.
static char *no_matches(const char *text, int state) {
  (void)text;
  (void)state;
  return NULL;
}

void cel_configure(cel_completion_fn completion) {
  rl_readline_name = "cherry";
  rl_attempted_completion_function = completion;
  rl_completion_entry_function = no_matches;
  rl_completion_append_character = ' ';
}

void cel_set_output(FILE *stream) { rl_outstream = stream; }

int cel_initialize(void) {
  if (initialized) {
    return 0;
  }
  int result = rl_initialize();
  if (result == 0) {
    initialized = 1;
  }
  return result;
}

void cel_completion_over(void) { rl_attempted_completion_over = 1; }

void cel_set_append_character(int c) { rl_completion_append_character = c; }

const char *cel_line_buffer(void) { return rl_line_buffer; }

const char *cel_last_history_line(void) {
  if (history_length <= 0) {
    return NULL;
  }
  HIST_ENTRY *entry = history_get(history_base + history_length - 1);
  return entry == NULL ? NULL : entry->line;
}

int cel_sigint_install(void (*handler)(int)) {
  sigint_callback = handler;
  reading_thread = pthread_self();
  has_reading_thread = 1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = forward_sigint;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: the blocked read() must fail with EINTR
  if (sigaction(SIGINT, &action, &saved_sigint) != 0) {
    has_reading_thread = 0;
    return -1;
  }
  // A parent may hand down SIGINT blocked (seen under tmux started from a test
  // runner); then Ctrl-C would do nothing, so unblock it for the read.
  sigset_t interrupt;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &interrupt, &saved_mask);
  sigint_saved = 1;
  return 0;
}

void cel_sigint_restore(void) {
  has_reading_thread = 0;
  if (sigint_saved) {
    pthread_sigmask(SIG_SETMASK, &saved_mask, NULL);
    sigaction(SIGINT, &saved_sigint, NULL);
    sigint_saved = 0;
  }
}

int cel_history_count(void) { return history_length; }

const char *cel_history_line(int index) {
  if (index < 0 || index >= history_length) {
    return NULL;
  }
  HIST_ENTRY *entry = history_get(history_base + index);
  return entry == NULL ? NULL : entry->line;
}
