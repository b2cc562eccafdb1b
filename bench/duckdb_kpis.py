#!/usr/bin/env python3
"""Reference implementation of pathway's headline KPIs (SPEC §3, §4) in DuckDB SQL.

Used by `make bench` (bench/bench.sh) as the speed baseline and as an independent cross-check of
pathway's numerators and denominators.

    python3 bench/duckdb_kpis.py --input DIR --as-of YYYY-MM-DD --holidays FILE [--threads N]
                                 [--lenient] [--vocab COLUMN:LABEL=CODE ...] [--timings]

Prints one JSON object, keys sorted: {kpi_id: {"numerator", "denominator", "excluded"}} for rates
and {kpi_id: {"value"}} for counts, over the 12-month window only (no monthly series, no by-team).

Input modes
- default (canonical): the files are what `pathway sample` writes: canonical or alias headers,
  `YYYY-MM-DD` dates, LF, no malformed records, unique ids. Date columns are declared DATE so that
  DuckDB's CSV reader parses them itself (the fastest way to run DuckDB on this data). Coded values
  are matched against the full SPEC §2 vocabularies, case-insensitively.
- `--lenient`: for messy exports such as the test fixture: every column is read as text; values
  are trimmed; Annex A prefixes (`a) `) are stripped; `DD/MM/YYYY` and time suffixes are accepted;
  rows with a blank or unparseable required field, duplicate ids (the later row) and records with
  the wrong number of fields are dropped. This approximates pathway's validation; it is not
  byte-for-byte the same (see bench/README.md).

Nothing here reads the clock: as_of is an argument.
"""

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys
import time

import duckdb

# ---------------------------------------------------------------------------------------------
# Schemas (SPEC §2): canonical name, aliases, kind, required.
# kind: id | text | date | yesno | code:<vocabulary>
# ---------------------------------------------------------------------------------------------
SCHEMAS = {
    "contacts": ("contacts.csv", [
        ("contact_id", [], "id", True),
        ("child_id", ["Child Unique ID"], "text", True),
        ("contact_date", ["Date of Contact"], "date", True),
        ("source", ["Contact Source"], "source", True),
        ("marf", [], "yesno", False),
        ("marf_requested_date", [], "date", False),
        ("marf_received_date", [], "date", False),
        ("police_incident_date", [], "date", False),
        ("decision_date", [], "date", False),
        ("outcome", [], "code:contact_outcome", False),
        ("referral_date", ["Date of referral"], "date", False),
        ("team", ["Allocated Team"], "text", False),
    ]),
    "s47": ("s47_enquiries.csv", [
        ("s47_id", [], "id", True),
        ("child_id", ["Child Unique ID"], "text", True),
        ("strategy_date", ["Strategy discussion initiating Section 47 Enquiry Start Date"], "date", True),
        ("police_attended", [], "yesno", False),
        ("health_attended", [], "yesno", False),
        ("education_attended", [], "yesno", False),
        ("s47_end_date", [], "date", False),
        ("outcome", [], "code:s47_outcome", False),
        ("team", ["Allocated Team"], "text", False),
    ]),
    "conf": ("conferences.csv", [
        ("conference_id", [], "id", True),
        ("child_id", ["Child Unique ID"], "text", True),
        ("type", [], "code:conference_type", True),
        ("conference_date", [], "date", True),
        ("s47_id", [], "text", False),
        ("outcome", [], "code:conference_outcome", False),
        ("parents_participated", [], "yesno", False),
        ("team", ["Allocated Team"], "text", False),
    ]),
    "audits": ("audits.csv", [
        ("audit_id", [], "id", True),
        ("child_id", [], "text", True),
        ("audit_date", [], "date", True),
        ("grade", ["overall_grade"], "code:grade", True),
        ("moderated_grade", [], "code:grade", False),
        ("actions_due_date", [], "date", False),
        ("actions_completed_date", [], "date", False),
        ("team", [], "text", False),
    ]),
}

# Vocabularies (SPEC §2). The canonical code itself is always accepted.
VOCABULARIES = {
    "contact_outcome": {
        "referral": ["referral", "referral to children's social care", "referral to social care", "referral to csc"],
        "early_help": ["early help", "early help referral", "early help assessment"],
        "nfa": ["nfa", "no further action"],
        "advice": ["advice", "information and advice", "signposting"],
        "open_case": ["open case", "existing case", "already open"],
    },
    "s47_outcome": {
        "icpc": ["icpc", "initial child protection conference", "proceed to icpc"],
        "cin": ["cin", "child in need", "child in need plan"],
        "nfa": ["nfa", "no further action"],
    },
    "conference_type": {
        "initial": ["initial", "icpc", "initial child protection conference"],
        "review": ["review", "rcpc", "review child protection conference"],
        "transfer_in": ["transfer in", "transfer-in", "ticpc"],
    },
    "conference_outcome": {
        "plan": ["plan", "cp plan", "child protection plan", "yes"],
        "no_plan": ["no plan", "no", "nfa", "no further action"],
        "continue": ["continue", "plan continues", "continue plan"],
        "end": ["end", "end plan", "plan ended", "discontinue", "discontinued"],
    },
    "grade": {
        "outstanding": ["outstanding"],
        "good": ["good"],
        "requires_improvement": ["requires improvement", "requires improvement to be good", "ri"],
        "inadequate": ["inadequate"],
    },
    "yes_no": {
        "yes": ["y", "yes", "true", "1"],
        "no": ["n", "no", "false", "0"],
    },
}
# What an unknown, non-blank value becomes (SPEC §2): contacts and S47 outcomes → other; a conference
# type → the row is rejected; a conference outcome, a grade or a yes/no → blank.
UNKNOWN = {"contact_outcome": "other", "s47_outcome": "other"}


def header_key(text):
    """SPEC §2: trim, collapse inner white space, straighten curly quotes, ignore case."""
    text = text.replace("\u00a0", " ").replace("\t", " ")
    text = re.sub(r" +", " ", text.strip(" "))
    for curly in "\u2018\u2019\u02bc\u2032":
        text = text.replace(curly, "'")
    for curly in "\u201c\u201d":
        text = text.replace(curly, '"')
    return text.lower()


def sql_str(s):
    return "'" + s.replace("'", "''") + "'"


def sql_ident(s):
    return '"' + s.replace('"', '""') + '"'


def read_header(path):
    with open(path, "r", encoding="utf-8-sig", errors="replace", newline="") as f:
        for record in csv.reader(f):
            if any(field.strip(" \t\u00a0") for field in record):
                return record
    raise SystemExit(f"{path}: empty file (no header)")


# ---------------------------------------------------------------------------------------------
# Calendar (SPEC §3)
# ---------------------------------------------------------------------------------------------
def add_months(d, n):
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    last = (dt.date(y + (m == 12), m % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(y, m, min(d.day, last))


def load_holidays(path):
    days = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        next(reader)
        for row in reader:
            if row and row[0].strip():
                days.append(dt.date.fromisoformat(row[0].strip()))
    if not days:
        raise SystemExit(f"{path}: no holidays")
    return set(days), dt.date(min(days).year, 1, 1), dt.date(max(days).year, 12, 31)


def working_day_table(holidays, first, last):
    """cum[i] = number of working days d with first < d ≤ first + i, so WD(a, b) = cum[b] − cum[a]."""
    cum, n, d = [], 0, first
    while d <= last:
        if d != first and d.weekday() < 5 and d not in holidays:
            n += 1
        cum.append(n)
        d += dt.timedelta(days=1)
    return cum


# ---------------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------------
def code_sql(expr, vocabulary, extra):
    """CASE mapping a normalised (lower-cased, apostrophe-straightened) value to its code."""
    arms = []
    table = dict((code, list(labels)) for code, labels in VOCABULARIES[vocabulary].items())
    for code in table:
        table[code] = table[code] + [code]
    for label, code in extra.get(vocabulary, {}).items():
        table.setdefault(code, []).append(label)
    for code, labels in table.items():
        arms.append(f"WHEN {expr} IN ({', '.join(sql_str(l.lower()) for l in sorted(set(labels)))}) THEN {sql_str(code)}")
    unknown = UNKNOWN.get(vocabulary)
    other = sql_str(unknown) if unknown else "NULL"
    if vocabulary == "conference_type":
        other = sql_str("?reject")
    return f"CASE WHEN {expr} IS NULL THEN NULL {' '.join(arms)} ELSE {other} END"


# Columns the headline KPIs never read; the canonical mode does not load them (the CSV reader then
# skips them). The lenient mode needs ids and child ids for its validation.
UNUSED = {"contacts": {"contact_id", "team"}, "s47": {"child_id", "team"}, "conf": {"team"},
          "audits": {"audit_id", "child_id", "team"}}


def load_table(con, name, input_dir, lenient, extra, row_filter=None):
    file_name, columns = SCHEMAS[name]
    path = os.path.join(input_dir, file_name)
    if not os.path.exists(path):
        raise SystemExit(f"{path}: missing")
    header = read_header(path)
    wanted = {}
    for canonical, aliases, kind, required in columns:
        for key in [canonical] + aliases:
            wanted[header_key(key)] = canonical
    names, position = [], {}
    for i, heading in enumerate(header):
        canonical = wanted.get(header_key(heading))
        if canonical is not None and canonical not in position:  # leftmost wins
            position[canonical] = i
            names.append(canonical)
        else:
            names.append(f"_ignored_{i}")
    kinds = {c: k for c, _, k, _ in columns}
    for canonical, aliases, kind, required in columns:
        if required and canonical not in position:
            raise SystemExit(f"{path}: required column {canonical} missing")

    read_types = {}
    for n in names:
        read_types[n] = "DATE" if (not lenient and kinds.get(n) == "date") else "VARCHAR"
    read = (f"read_csv({sql_str(path)}, header=true, delim=',', quote='\"', escape='\"', auto_detect=false, "
            f"columns={{{', '.join(f'{sql_str(n)}: {sql_str(t)}' for n, t in read_types.items())}}}"
            + (", ignore_errors=true, strict_mode=false" if lenient else "") + ")")

    def norm(col):
        """Normalised coded value (SPEC §2 coded columns)."""
        c = sql_ident(col)
        if lenient:
            c = f"nullif(trim({c}, ' \t\u00a0'), '')"
            c = f"regexp_replace({c}, '^[A-Za-z][0-9]{{0,2}}\\)[ \\t\u00a0]+', '')"
            return f"lower(translate({c}, '\u2018\u2019\u02bc\u2032', ''''''''''))"
        return f"lower({c})"

    select = []
    for canonical, aliases, kind, required in columns:
        if not lenient and canonical in UNUSED[name]:
            continue
        if canonical not in position:
            null_type = "DATE" if kind == "date" else ("BOOLEAN" if kind == "yesno" else "VARCHAR")
            if kind == "source":
                select.append("false AS is_police")
            else:
                select.append(f"NULL::{null_type} AS {canonical}")
            continue
        col = sql_ident(canonical)
        if kind in ("id", "text"):
            expr = f"nullif(trim({col}, ' \t\u00a0'), '')" if lenient else col
            select.append(f"{expr} AS {canonical}")
        elif kind == "date":
            if lenient:
                select.append(f"parse_day({col}) AS {canonical}")
            else:
                select.append(f"{col} AS {canonical}")
        elif kind == "yesno":
            m = code_sql(norm(canonical), "yes_no", extra)
            select.append(f"({m}) = 'yes' AS {canonical}")
        elif kind == "source":
            s = norm(canonical)
            select.append(f"coalesce(regexp_matches({s}, '\\bpolice\\b') OR {s} = '6' OR starts_with({s}, '6:'), false) AS is_police")
            if lenient:
                select.append(f"nullif(trim({col}, ' \t\u00a0'), '') AS source")
        elif kind.startswith("code:"):
            select.append(f"{code_sql(norm(canonical), kind[5:], extra)} AS {canonical}")
    query = f"SELECT {', '.join(select)} FROM {read}"
    if row_filter and not lenient:
        query = f"SELECT * FROM ({query}) WHERE {row_filter}"

    if lenient:
        # Drop what pathway rejects: a blank or unparseable required field, an unknown conference
        # type, a repeated id (the later row; the reader keeps file order with one thread).
        id_col = columns[0][0]
        conds = []
        for canonical, aliases, kind, required in columns:
            if required:
                conds.append("source IS NOT NULL" if kind == "source" else f"{canonical} IS NOT NULL")
        if name == "conf":
            conds.append("type <> '?reject'")
        query = (f"SELECT * EXCLUDE (rn{', source' if name == 'contacts' else ''}) FROM ("
                 f"SELECT *, row_number() OVER (PARTITION BY {id_col} ORDER BY _line) AS rn FROM ("
                 f"SELECT *, row_number() OVER () AS _line FROM ({query})) WHERE {' AND '.join(conds)}"
                 f") WHERE rn = 1")
        query = f"SELECT * EXCLUDE (_line) FROM ({query})"
    con.execute(f"CREATE TEMP TABLE {name} AS {query}")


LENIENT_MACROS = r"""
CREATE MACRO parse_day(s) AS (
  CASE
    WHEN regexp_full_match(trim(s, ' ' || chr(9) || chr(160)), '\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?')
      THEN try_cast(left(trim(s, ' ' || chr(9) || chr(160)), 10) AS DATE)
    WHEN regexp_full_match(trim(s, ' ' || chr(9) || chr(160)), '\d{1,2}/\d{1,2}/\d{4}([T ]\d{2}:\d{2}(:\d{2})?)?')
      THEN try_cast(
        regexp_extract(trim(s, ' ' || chr(9) || chr(160)), '^\d{1,2}/\d{1,2}/(\d{4})', 1) || '-' ||
        lpad(regexp_extract(trim(s, ' ' || chr(9) || chr(160)), '^\d{1,2}/(\d{1,2})/', 1), 2, '0') || '-' ||
        lpad(regexp_extract(trim(s, ' ' || chr(9) || chr(160)), '^(\d{1,2})/', 1), 2, '0') AS DATE)
  END)
"""


# ---------------------------------------------------------------------------------------------
# KPIs (SPEC §4), headline window only
# ---------------------------------------------------------------------------------------------
def kpi_queries(p):
    """One query per file; each returns one row of named integers."""
    W0, A = p["W0"], p["A"]
    inw = lambda col: f"{col} BETWEEN {W0} AND {A}"  # noqa: E731
    return {
        "contacts": f"""
WITH c AS (
  SELECT contacts.*, k1.cum AS cum_c, k2.cum AS cum_d, k3.cum AS cum_req, k4.cum AS cum_rec
  FROM (SELECT * FROM contacts
        WHERE {inw('contact_date')} OR {inw('decision_date')} OR {inw('marf_requested_date')}) contacts
  LEFT JOIN cal k1 ON k1.d = contact_date LEFT JOIN cal k2 ON k2.d = decision_date
  LEFT JOIN cal k3 ON k3.d = marf_requested_date LEFT JOIN cal k4 ON k4.d = marf_received_date)
SELECT
  count(*) FILTER ({inw('contact_date')}) AS contacts__value,
  -- contact_decision_1wd
  count(*) FILTER ({inw('contact_date')}) AS contact_decision_1wd__population,
  count(*) FILTER ({inw('contact_date')} AND ((decision_date IS NULL AND {p['cum_A']} - cum_c <= 1)
                                             OR decision_date < contact_date)) AS contact_decision_1wd__excluded,
  count(*) FILTER ({inw('contact_date')} AND decision_date >= contact_date AND cum_d - cum_c <= 1) AS contact_decision_1wd__numerator,
  count(*) FILTER ({inw('contact_date')} AND decision_date >= contact_date AND cum_d IS NULL) AS contact_decision_1wd__uncovered,
  -- contacts_marf
  count(*) FILTER ({inw('contact_date')}) AS contacts_marf__population,
  count(*) FILTER ({inw('contact_date')} AND marf IS NULL) AS contacts_marf__excluded,
  count(*) FILTER ({inw('contact_date')} AND marf) AS contacts_marf__numerator,
  -- marf_follow_up_5wd
  count(*) FILTER ({inw('marf_requested_date')}) AS marf_follow_up_5wd__population,
  count(*) FILTER ({inw('marf_requested_date')} AND ((marf_received_date IS NULL AND {p['cum_A']} - cum_req <= 5)
                                                    OR marf_received_date < marf_requested_date)) AS marf_follow_up_5wd__excluded,
  count(*) FILTER ({inw('marf_requested_date')} AND marf_received_date >= marf_requested_date
                   AND cum_rec - cum_req <= 5) AS marf_follow_up_5wd__numerator,
  count(*) FILTER ({inw('marf_requested_date')} AND marf_received_date >= marf_requested_date
                   AND cum_rec IS NULL) AS marf_follow_up_5wd__uncovered,
  -- police_notification_timely
  count(*) FILTER ({inw('contact_date')} AND is_police AND police_incident_date IS NOT NULL) AS police_notification_timely__population,
  count(*) FILTER ({inw('contact_date')} AND is_police AND police_incident_date > contact_date) AS police_notification_timely__excluded,
  count(*) FILTER ({inw('contact_date')} AND is_police AND police_incident_date <= contact_date
                   AND contact_date - police_incident_date <= 1) AS police_notification_timely__numerator,
  -- contact_to_referral, contact_to_early_help
  count(*) FILTER ({inw('decision_date')}) AS contact_to_referral__population,
  count(*) FILTER ({inw('decision_date')} AND outcome IS NULL) AS contact_to_referral__excluded,
  count(*) FILTER ({inw('decision_date')} AND outcome = 'referral') AS contact_to_referral__numerator,
  count(*) FILTER ({inw('decision_date')}) AS contact_to_early_help__population,
  count(*) FILTER ({inw('decision_date')} AND outcome IS NULL) AS contact_to_early_help__excluded,
  count(*) FILTER ({inw('decision_date')} AND outcome = 'early_help') AS contact_to_early_help__numerator
FROM c""",
        # referrals and re_referrals_12m: per child and referral day, the previous (strictly earlier)
        # referral day of the same child; r′ < r with add_months(r, −12) ≤ r′ exists iff the latest
        # such r′ is ≥ add_months(r, −12).
        "referrals": f"""
WITH r AS (
  SELECT child_id, coalesce(referral_date, decision_date) AS r, count(*) AS n
  FROM contacts
  WHERE outcome = 'referral' AND coalesce(referral_date, decision_date) BETWEEN {p['W0_12']} AND {A}
  GROUP BY ALL),
p AS (
  SELECT n, r, lag(r) OVER (PARTITION BY child_id ORDER BY r) AS prev FROM r)
SELECT
  coalesce(sum(n) FILTER ({inw('r')}), 0) AS referrals__value,
  coalesce(sum(n) FILTER ({inw('r')}), 0) AS re_referrals_12m__population,
  0 AS re_referrals_12m__excluded,
  coalesce(sum(n) FILTER ({inw('r')} AND prev >= (r - INTERVAL 12 MONTH)::DATE), 0) AS re_referrals_12m__numerator
FROM p""",
        "s47": f"""
SELECT
  count(*) FILTER ({inw('strategy_date')}) AS s47_enquiries__value,
  count(*) FILTER ({inw('strategy_date')}) AS strategy_police_attendance__population,
  count(*) FILTER ({inw('strategy_date')} AND police_attended IS NULL) AS strategy_police_attendance__excluded,
  count(*) FILTER ({inw('strategy_date')} AND police_attended) AS strategy_police_attendance__numerator,
  count(*) FILTER ({inw('strategy_date')}) AS strategy_health_attendance__population,
  count(*) FILTER ({inw('strategy_date')} AND health_attended IS NULL) AS strategy_health_attendance__excluded,
  count(*) FILTER ({inw('strategy_date')} AND health_attended) AS strategy_health_attendance__numerator,
  count(*) FILTER ({inw('strategy_date')}) AS strategy_education_attendance__population,
  count(*) FILTER ({inw('strategy_date')} AND education_attended IS NULL) AS strategy_education_attendance__excluded,
  count(*) FILTER ({inw('strategy_date')} AND education_attended) AS strategy_education_attendance__numerator,
  count(*) FILTER ({inw('s47_end_date')}) AS s47_to_icpc__population,
  count(*) FILTER ({inw('s47_end_date')} AND outcome IS NULL) AS s47_to_icpc__excluded,
  count(*) FILTER ({inw('s47_end_date')} AND outcome = 'icpc') AS s47_to_icpc__numerator
FROM s47""",
        # Initial conferences in the window joined to their enquiry.
        "icpc": f"""
WITH i AS (
  SELECT c.conference_date, c.outcome, e.strategy_date, k1.cum AS cum_conf, k2.cum AS cum_strat
  FROM conf c LEFT JOIN s47 e ON e.s47_id = c.s47_id
  LEFT JOIN cal k1 ON k1.d = c.conference_date LEFT JOIN cal k2 ON k2.d = e.strategy_date
  WHERE c.type = 'initial' AND {inw('c.conference_date')})
SELECT
  count(*) AS icpcs__value,
  count(*) AS icpc_within_15wd__population,
  count(*) FILTER (strategy_date IS NULL OR conference_date < strategy_date) AS icpc_within_15wd__excluded,
  count(*) FILTER (conference_date >= strategy_date
                   AND cum_conf - cum_strat <= 15) AS icpc_within_15wd__numerator,
  count(*) FILTER (conference_date >= strategy_date AND cum_strat IS NULL) AS icpc_within_15wd__uncovered,
  count(*) AS icpc_to_plan__population,
  count(*) FILTER (outcome IS NULL) AS icpc_to_plan__excluded,
  count(*) FILTER (outcome = 'plan') AS icpc_to_plan__numerator
FROM i""",
        # plans_second_or_subsequent: the child's first plan-making conference date.
        # rcpc_on_time: per child and date, the conference with the greatest conference_id (byte
        # order of UTF-8 = code-point order); a review's predecessor is that conference of the
        # previous distinct date of the same child.
        "conf": f"""
WITH firstplan AS (
  SELECT child_id, min(conference_date) AS first_plan
  FROM conf WHERE type IN ('initial', 'transfer_in') AND outcome = 'plan' GROUP BY child_id),
reviews AS (
  SELECT child_id, conference_date AS d FROM conf WHERE type = 'review' AND {inw('conference_date')}),
byday AS (
  SELECT child_id, conference_date AS pd,
         arg_max({{'type': type, 'outcome': outcome}}, conference_id) AS p
  FROM conf
  WHERE conference_date < {A} AND child_id IN (SELECT child_id FROM reviews)
  GROUP BY ALL),
rev AS (
  SELECT r.d, b.pd, b.p.type AS ptype, b.p.outcome AS pout
  FROM reviews r ASOF LEFT JOIN byday b ON b.child_id = r.child_id AND b.pd < r.d),
revv AS (
  SELECT d,
         -- coalesce: a NULL here (e.g. a blank initial outcome) means "not valid", not "unknown"
         coalesce(pd IS NOT NULL AND ((ptype IN ('initial', 'transfer_in') AND pout = 'plan')
                  OR (ptype = 'review' AND (pout IS NULL OR pout NOT IN ('end', 'no_plan')))), false) AS valid,
         CASE WHEN ptype = 'review' THEN (pd + INTERVAL 6 MONTH)::DATE ELSE (pd + INTERVAL 3 MONTH)::DATE END AS due
  FROM rev)
SELECT
  (SELECT count(*) FROM conf c LEFT JOIN firstplan f USING (child_id)
    WHERE c.type IN ('initial', 'transfer_in') AND c.outcome = 'plan' AND {inw('c.conference_date')}) AS plans_second_or_subsequent__population,
  0 AS plans_second_or_subsequent__excluded,
  (SELECT count(*) FROM conf c JOIN firstplan f USING (child_id)
    WHERE c.type IN ('initial', 'transfer_in') AND c.outcome = 'plan' AND {inw('c.conference_date')}
      AND f.first_plan < c.conference_date) AS plans_second_or_subsequent__numerator,
  (SELECT count(*) FROM revv) AS rcpc_on_time__population,
  (SELECT count(*) FROM revv WHERE NOT valid) AS rcpc_on_time__excluded,
  (SELECT count(*) FROM revv WHERE valid AND d <= due) AS rcpc_on_time__numerator,
  (SELECT count(*) FROM conf WHERE {inw('conference_date')}) AS conference_parent_participation__population,
  (SELECT count(*) FROM conf WHERE {inw('conference_date')} AND parents_participated IS NULL) AS conference_parent_participation__excluded,
  (SELECT count(*) FROM conf WHERE {inw('conference_date')} AND parents_participated) AS conference_parent_participation__numerator""",
        "audits": f"""
WITH a AS (SELECT *, coalesce(moderated_grade, grade) AS final FROM audits WHERE {inw('audit_date')})
SELECT
  count(*) AS audits__value,
  count(*) AS audits_good_or_better__population,
  0 AS audits_good_or_better__excluded,
  count(*) FILTER (final IN ('outstanding', 'good')) AS audits_good_or_better__numerator,
  count(*) AS audits_inadequate__population,
  0 AS audits_inadequate__excluded,
  count(*) FILTER (final = 'inadequate') AS audits_inadequate__numerator,
  count(*) AS audit_moderation_agreement__population,
  count(*) FILTER (moderated_grade IS NULL) AS audit_moderation_agreement__excluded,
  count(*) FILTER (moderated_grade = grade) AS audit_moderation_agreement__numerator,
  count(*) FILTER (actions_due_date IS NOT NULL) AS audit_actions_on_time__population,
  count(*) FILTER (actions_due_date IS NOT NULL AND actions_completed_date IS NULL
                   AND actions_due_date >= {A}) AS audit_actions_on_time__excluded,
  count(*) FILTER (actions_completed_date <= actions_due_date) AS audit_actions_on_time__numerator
FROM a""",
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", required=True)
    ap.add_argument("--as-of", required=True)
    ap.add_argument("--holidays", required=True)
    ap.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: all cores)")
    ap.add_argument("--lenient", action="store_true", help="messy input (see the module doc)")
    ap.add_argument("--vocab", action="append", default=[], metavar="VOCABULARY:LABEL=CODE",
                    help="extra label, e.g. 'contact_outcome:Families Together Hub=early_help'")
    ap.add_argument("--timings", action="store_true", help="stage timings on stderr")
    args = ap.parse_args()

    as_of = dt.date.fromisoformat(args.as_of)
    w0 = add_months(as_of, -12) + dt.timedelta(days=1)
    holidays, first, last = load_holidays(args.holidays)
    for d in (w0, as_of):
        if not first <= d <= last:
            raise SystemExit(f"{d} is outside the holiday list's coverage {first}..{last}")
    cum = working_day_table(holidays, first, last)

    extra = {}
    for item in args.vocab:
        vocabulary, _, mapping = item.partition(":")
        label, _, code = mapping.rpartition("=")
        extra.setdefault(vocabulary, {})[label.strip().lower().replace("\u2019", "'")] = code.strip()

    t0 = time.monotonic()
    con = duckdb.connect(":memory:")
    if args.threads:
        con.execute(f"SET threads = {args.threads}")
    elif args.lenient:
        con.execute("SET threads = 1")  # file order for the duplicate-id rule
    con.execute("SET preserve_insertion_order = " + ("true" if args.lenient else "false"))
    # cal(d, cum): cum = working days in (first, d] for every day the holiday list covers; a date
    # outside the coverage finds no row (NULL), which the "uncovered" counters below turn into an error.
    con.execute(f"SET VARIABLE working_day_cum = [{','.join(map(str, cum))}]::INTEGER[]")
    con.execute(f"CREATE TEMP TABLE cal AS SELECT (DATE '{first}' + i::INTEGER) AS d, "
                f"getvariable('working_day_cum')[i + 1] AS cum FROM range({len(cum)}) r(i)")
    if args.lenient:
        con.execute(LENIENT_MACROS)

    # Contacts that no headline KPI can see are not kept: every KPI on contacts anchors on a date in
    # the window, except the re-referral look-back, which reaches 12 months before the window.
    W0, A, W0_12 = f"DATE '{w0}'", f"DATE '{as_of}'", f"DATE '{add_months(w0, -12)}'"
    row_filters = {"contacts": " OR ".join([
        f"contact_date BETWEEN {W0} AND {A}", f"decision_date BETWEEN {W0} AND {A}",
        f"marf_requested_date BETWEEN {W0} AND {A}",
        f"(outcome = 'referral' AND coalesce(referral_date, decision_date) BETWEEN {W0_12} AND {A})"])}
    for name in SCHEMAS:
        t = time.monotonic()
        load_table(con, name, args.input, args.lenient, extra, row_filters.get(name))
        if args.timings:
            print(f"duckdb: load {name} {time.monotonic() - t:.3f}s", file=sys.stderr)
    t1 = time.monotonic()

    params = {"W0": f"DATE '{w0}'", "A": f"DATE '{as_of}'", "W0_12": f"DATE '{add_months(w0, -12)}'", "cum_A": str(cum[(as_of - first).days])}
    raw = {}
    for name, sql in kpi_queries(params).items():
        t = time.monotonic()
        cur = con.execute(sql)
        cols = [c[0] for c in cur.description]
        raw.update(zip(cols, cur.fetchone()))
        if args.timings:
            print(f"duckdb: query {name} {time.monotonic() - t:.3f}s", file=sys.stderr)
    t2 = time.monotonic()

    out = {}
    for key, value in raw.items():
        kpi, _, part = key.partition("__")
        if part == "uncovered":
            if value:
                raise SystemExit(f"{kpi}: {value} working-day question(s) outside the holiday list's "
                                 f"coverage {first}..{last}")
            continue
        out.setdefault(kpi, {})[part] = int(value or 0)
    for kpi, parts in out.items():
        if "population" in parts:
            parts["denominator"] = parts.pop("population") - parts["excluded"]
    json.dump(out, sys.stdout, indent=2, sort_keys=True)
    sys.stdout.write("\n")
    if args.timings:
        print(f"duckdb: load {t1 - t0:.3f}s, kpis {t2 - t1:.3f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
