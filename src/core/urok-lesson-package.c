/* urok-lesson-package.c: placeholder, being written (issue 3). */
#include "config.h"
