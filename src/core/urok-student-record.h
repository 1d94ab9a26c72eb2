/* urok-student-record.h: One student's line in the grade book: marks and what they add up to.
 *
 * Copyright 2026 Urok developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define UROK_TYPE_STUDENT_RECORD (urok_student_record_get_type ())

G_DECLARE_FINAL_TYPE (UrokStudentRecord, urok_student_record, UROK, STUDENT_RECORD, GObject)

gint64       urok_student_record_get_id (UrokStudentRecord *self);
const char * urok_student_record_get_full_name (UrokStudentRecord *self);
const char * urok_student_record_get_marks (UrokStudentRecord *self);
int          urok_student_record_get_n_marks (UrokStudentRecord *self);
double       urok_student_record_get_average (UrokStudentRecord *self);
int          urok_student_record_get_n_absences (UrokStudentRecord *self);

G_END_DECLS
