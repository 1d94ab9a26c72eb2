/* urok-stage-kind.c: placeholder, being written (issue 3). */
#include "config.h"
