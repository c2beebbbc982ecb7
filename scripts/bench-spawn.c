/* Runs one command and prints "<seconds> <peak RSS KiB> <exit status>".
 *
 * scripts/bench measures through this small program rather than from Python:
 * Linux carries a parent's peak RSS over fork and exec into the child's
 * ru_maxrss, so a child spawned by Python would never report less than Python's
 * own ~20 MiB. Forked from here, the floor is this program's ~1 MiB.
 * stdin, stdout and stderr are the caller's. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: bench-spawn COMMAND [ARG...]\n");
    return 2;
  }
  struct timespec start, end;
  clock_gettime(CLOCK_MONOTONIC, &start);
  pid_t pid = fork();
  if (pid == 0) {
    execv(argv[1], argv + 1);
    _exit(127);
  }
  int status = 0;
  struct rusage usage;
  if (wait4(pid, &status, 0, &usage) < 0) return 1;
  clock_gettime(CLOCK_MONOTONIC, &end);
  double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  /* stderr of the command may be a pipe or /dev/null; the result goes to fd 3. */
  dprintf(3, "%.9f %ld %d\n", seconds, usage.ru_maxrss, code);
  return 0;
}
