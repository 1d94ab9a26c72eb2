/* urok-lesson-cartridge.c: placeholder, being written (issue 3). */
#include "config.h"
