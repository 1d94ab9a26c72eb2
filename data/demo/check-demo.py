#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check the demo content shipped in data/demo.

Usage: check-demo.py DEMO_DIR

DEMO_DIR holds demo.json and textbook/ (the unzipped demo EPUB).
Checks the shape of demo.json, the lesson plan and test rules, and that
every textbook place a lesson points at exists in the textbook.
Only the Python standard library is used.
"""

import datetime
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

OPF_NS = "http://www.idpf.org/2007/opf"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"

STAGE_KINDS = {
    "organisation", "motivation", "updating_knowledge", "goal_setting", "new_material",
    "primary_consolidation", "practice", "independent_work", "check", "physical_break",
    "summary", "reflection", "homework",
}
LESSON_TYPES = {
    "new_knowledge", "reflection", "general_method", "developmental_control", "combined",
}
RESOURCE_KINDS = {"text", "book_place", "link", "test", "board_page"}
QUESTION_KINDS = {
    "single_choice", "multiple_choice", "short_answer", "numeric",
    "true_false", "matching",
}

failures = []


def check(cond, message):
    if not cond:
        failures.append(message)
    return cond


def date(text, where):
    try:
        return datetime.date.fromisoformat(text)
    except (TypeError, ValueError):
        check(False, "%s: %r is not a YYYY-MM-DD date" % (where, text))
        return None


def nonempty(obj, key, where):
    value = obj.get(key)
    check(isinstance(value, str) and value.strip(),
          "%s: %s must be a non-empty string" % (where, key))
    return value


def textbook_identity(textbook):
    """Return (dc:identifier of the unique-identifier, OPF path in the tree)."""
    container = ET.parse(os.path.join(textbook, "META-INF", "container.xml"))
    rootfile = container.getroot().find(".//{%s}rootfile" % CONTAINER_NS)
    opf_rel = rootfile.get("full-path")
    opf = ET.parse(os.path.join(textbook, *opf_rel.split("/"))).getroot()
    uid = opf.get("unique-identifier")
    for ident in opf.iter("{%s}identifier" % DC_NS):
        if ident.get("id") == uid:
            return ident.text.strip(), opf_rel
    raise SystemExit("package document has no dc:identifier with id=%r" % uid)


def ids_in(path):
    with open(path, encoding="utf-8") as fh:
        return set(re.findall(r'\sid="([^"]+)"', fh.read()))


def check_textbook_files(demo_dir, textbook, opf_rel):
    """The OPF manifest, meson.build's input list and the tree must agree."""
    tree = set()
    for dirpath, dirnames, filenames in os.walk(textbook):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for fn in filenames:
            if not fn.startswith(".") and not fn.endswith("~"):
                rel = os.path.relpath(os.path.join(dirpath, fn), textbook)
                tree.add(rel.replace(os.sep, "/"))
    opf_dir = os.path.dirname(opf_rel)
    opf = ET.parse(os.path.join(textbook, *opf_rel.split("/"))).getroot()
    manifest = {"mimetype", "META-INF/container.xml", opf_rel}
    for item in opf.iter("{%s}item" % OPF_NS):
        manifest.add(os.path.normpath(os.path.join(opf_dir, item.get("href"))).replace(os.sep, "/"))
    for missing in sorted(manifest - tree):
        check(False, "textbook: manifest lists %s, which is not in the tree" % missing)
    for extra in sorted(tree - manifest):
        check(False, "textbook: %s is not in the OPF manifest" % extra)
    meson_build = os.path.join(demo_dir, "meson.build")
    if os.path.isfile(meson_build):
        with open(meson_build, encoding="utf-8") as fh:
            listed = set(re.findall(r"'textbook/([^']+)'", fh.read()))
        for f in sorted(tree - listed):
            check(False, "meson.build: textbook/%s is missing from the custom_target input" % f)
        for f in sorted(listed - tree):
            check(False, "meson.build: lists textbook/%s, which does not exist" % f)


def check_students(group):
    students = group.get("students", [])
    check(len(students) == 25, "class_group: expected 25 students, got %d" % len(students))
    seen = set()
    for i, s in enumerate(students):
        where = "student %d" % (i + 1)
        for key in ("family_name", "given_name", "patronymic"):
            nonempty(s, key, where)
        full = (s.get("family_name"), s.get("given_name"), s.get("patronymic"))
        check(full not in seen, "%s: duplicate student %s" % (where, " ".join(map(str, full))))
        seen.add(full)
    check(isinstance(group.get("grade_level"), int), "class_group: grade_level must be an integer")
    check(re.fullmatch(r"\d{4}/\d{4}", group.get("school_year", "")) is not None,
          "class_group: school_year must look like 2026/2027")


def check_calendar(demo):
    term = demo.get("term", {})
    starts = date(term.get("starts"), "term.starts")
    ends = date(term.get("ends"), "term.ends")
    if starts and ends:
        check(starts <= ends, "term: starts after it ends")
    dates = demo.get("lesson_dates", [])
    check(len(dates) >= 10, "lesson_dates: too few lesson dates")
    check(dates == sorted(set(dates)), "lesson_dates: must be sorted and unique")
    for d in dates:
        day = date(d, "lesson_dates")
        if day and starts and ends:
            check(starts <= day <= ends, "lesson date %s is outside the term" % d)
            check(day.weekday() < 6, "lesson date %s falls on a Sunday" % d)
    kinds = {k.get("code") for k in demo.get("work_kinds", [])}
    for k in demo.get("work_kinds", []):
        check(isinstance(k.get("weight"), int) and k["weight"] > 0,
              "work kind %s: weight must be a positive integer" % k.get("code"))
    check({"classwork", "homework", "quiz", "test"} <= kinds, "work_kinds: missing a standard kind")
    tests = 0
    for a in demo.get("assessments", []):
        check(a.get("date") in dates, "assessment on %s is not on a lesson date" % a.get("date"))
        check(a.get("work_kind") in kinds, "assessment on %s: unknown work kind %r" % (a.get("date"), a.get("work_kind")))
        nonempty(a, "topic", "assessment on %s" % a.get("date"))
        tests += a.get("work_kind") == "test"
    check(tests >= 1, "assessments: no test (контрольная работа)")
    return dates


def check_lesson(lesson, dates, book_id, textbook, test_ref):
    stages = lesson.get("stages", [])
    check(len(stages) >= 6, "lesson: expected at least 6 stages, got %d" % len(stages))
    total = sum(s.get("duration_minutes", 0) for s in stages)
    check(total == lesson.get("duration_minutes"),
          "lesson: stage durations sum to %d, duration_minutes is %r" % (total, lesson.get("duration_minutes")))
    check(lesson.get("planned_date") in dates, "lesson: planned_date is not a lesson date")
    check(lesson.get("lesson_type") in LESSON_TYPES,
          "lesson: lesson_type %r is not a lesson type code" % lesson.get("lesson_type"))
    for key in ("title", "subject", "lesson_type", "goals", "planned_results"):
        nonempty(lesson, key, "lesson")
    book_places = 0
    for i, st in enumerate(stages):
        where = "stage %d (%s)" % (i + 1, st.get("title"))
        check(st.get("kind") in STAGE_KINDS, "%s: unknown kind %r" % (where, st.get("kind")))
        check(isinstance(st.get("duration_minutes"), int) and st["duration_minutes"] > 0,
              "%s: duration_minutes must be a positive integer" % where)
        check(st.get("pace") in ("teacher", "student"), "%s: pace must be teacher or student" % where)
        for key in ("title", "teacher_activity", "student_activity", "methods"):
            nonempty(st, key, where)
        for r in st.get("resources", []):
            kind = r.get("kind")
            rwhere = "%s, resource %r" % (where, r.get("title"))
            check(kind in RESOURCE_KINDS, "%s: unknown kind %r" % (rwhere, kind))
            nonempty(r, "title", rwhere)
            if kind == "text":
                nonempty(r, "text", rwhere)
            elif kind == "link":
                check(str(r.get("url", "")).startswith("https://"), "%s: url must be https" % rwhere)
            elif kind == "test":
                check(r.get("test_ref") == test_ref, "%s: test_ref %r is not the demo test" % (rwhere, r.get("test_ref")))
            elif kind == "board_page":
                nonempty(r, "background", rwhere)
            elif kind == "book_place":
                book_places += 1
                check(r.get("book_id") == book_id,
                      "%s: book_id %r differs from the textbook's dc:identifier %r" % (rwhere, r.get("book_id"), book_id))
                path, _, frag = str(r.get("location", "")).partition("#")
                full = os.path.join(textbook, *path.split("/"))
                if check(path and os.path.isfile(full), "%s: location file %r is not in the textbook" % (rwhere, path)):
                    if frag:
                        check(frag in ids_in(full), "%s: no id %r in %s" % (rwhere, frag, path))
    check(book_places >= 1, "lesson: no book_place resource")


def check_test(test):
    questions = test.get("questions", [])
    check(len(questions) == 10, "test: expected exactly 10 questions, got %d" % len(questions))
    kinds = set()
    for i, q in enumerate(questions):
        where = "question %d" % (i + 1)
        kind = q.get("kind")
        kinds.add(kind)
        check(kind in QUESTION_KINDS, "%s: unknown kind %r" % (where, kind))
        nonempty(q, "text", where)
        check(isinstance(q.get("points"), int) and q["points"] > 0, "%s: points must be a positive integer" % where)
        answer = q.get("answer")
        if kind in ("single_choice", "multiple_choice"):
            choices = q.get("choices", [])
            check(len(choices) >= 2 and len(set(choices)) == len(choices), "%s: needs distinct choices" % where)
            ok = (isinstance(answer, list) and answer
                  and all(isinstance(a, int) and 0 <= a < len(choices) for a in answer)
                  and len(set(answer)) == len(answer))
            check(ok, "%s: answer %r is out of range for %d choices" % (where, answer, len(choices)))
            if kind == "single_choice":
                check(isinstance(answer, list) and len(answer) == 1, "%s: single_choice needs exactly one answer" % where)
            else:
                check(isinstance(answer, list) and len(answer) >= 2, "%s: multiple_choice needs two or more answers" % where)
        elif kind == "short_answer":
            check(isinstance(answer, list) and answer and all(isinstance(a, str) and a for a in answer),
                  "%s: short_answer needs a list of accepted strings" % where)
        elif kind == "numeric":
            check(isinstance(answer, (int, float)) and not isinstance(answer, bool), "%s: numeric answer must be a number" % where)
            check(isinstance(q.get("tolerance"), (int, float)) and q["tolerance"] >= 0, "%s: tolerance must be >= 0" % where)
        elif kind == "true_false":
            check(isinstance(answer, bool), "%s: true_false answer must be true or false" % where)
        elif kind == "matching":
            pairs = q.get("pairs", [])
            check(len(pairs) >= 2 and all(isinstance(p, list) and len(p) == 2 for p in pairs),
                  "%s: matching needs two or more [left, right] pairs" % where)
            check(len({p[0] for p in pairs}) == len(pairs) and len({p[1] for p in pairs}) == len(pairs),
                  "%s: matching sides must be distinct" % where)
    check(len(kinds) >= 5, "test: questions should mix kinds, got only %s" % sorted(kinds))


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: check-demo.py DEMO_DIR\n")
        return 2
    demo_dir = argv[1]
    textbook = os.path.join(demo_dir, "textbook")
    with open(os.path.join(demo_dir, "demo.json"), encoding="utf-8") as fh:
        demo = json.load(fh)

    check(demo.get("format") == 1, "format must be 1")
    book_id, opf_rel = textbook_identity(textbook)
    check(book_id.startswith("urn:uuid:"), "textbook: dc:identifier should be a urn:uuid")

    check_textbook_files(demo_dir, textbook, opf_rel)
    check_students(demo.get("class_group", {}))
    dates = check_calendar(demo)
    test = demo.get("test", {})
    check(test.get("ref") == "demo-test", "test: ref must be demo-test")
    check_lesson(demo.get("lesson", {}), dates, book_id, textbook, test.get("ref"))
    check_test(test)
    check("marks" not in demo, "demo.json must not carry marks: the app generates them")

    if failures:
        for f in failures:
            print("FAIL:", f)
        print("%d problem(s) in the demo content" % len(failures))
        return 1
    print("demo content OK (textbook %s, %s)" % (book_id, opf_rel))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
