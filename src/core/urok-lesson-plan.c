/* urok-lesson-plan.c: placeholder, being written (issue 3). */
#include "config.h"
