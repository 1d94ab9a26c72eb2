/* urok-lesson-plan-odt.c: placeholder, being written (issue 3). */
#include "config.h"
