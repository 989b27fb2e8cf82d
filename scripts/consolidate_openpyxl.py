#!/usr/bin/python3
"""What a provincial IT officer would write instead of `cchc consolidate` (issue 15): a plain,
competent openpyxl script. It reads the plan's indicator catalogue and agency list, reads every agency
report (read_only=True, data_only=True), checks its identity (form, agency, period, plan year), keeps
the newest submission per agency, sums the figures, recomputes each rate from its summed numerator and
denominator, and writes a rollup workbook (totals, and one row per agency).

    /usr/bin/python3 scripts/consolidate_openpyxl.py --plan plan.xlsx --period 2023 reports/ -o rollup.xlsx [--json]

Used by `npm run bench` as the comparison; `--json` prints the totals the way `cchc consolidate --json`
does, so the two can be checked against each other. Needs openpyxl (Debian: python3-openpyxl).
"""
import argparse
import json
import os
import sys

import openpyxl

REPORT_FORM_KIND = "Báo cáo CCHC của cơ quan"


def read_plan(path):
    """Indicators (code -> (kind, numerator, denominator)) and the agency codes, from the plan workbook."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    indicators = {}
    rows = wb["Chỉ tiêu"].iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows)]
    col = {name: header.index(name) for name in ("code", "kind", "numerator", "denominator")}
    for row in rows:
        code = row[col["code"]]
        if not code:
            continue
        indicators[str(code).strip()] = (
            row[col["kind"]],
            row[col["numerator"]],
            row[col["denominator"]],
        )
    agencies = set()
    rows = wb["Cơ quan"].iter_rows(values_only=True)
    header = [str(h).strip() if h is not None else "" for h in next(rows)]
    code_col = header.index("code")
    for row in rows:
        if row[code_col]:
            agencies.add(str(row[code_col]).strip())
    wb.close()
    return indicators, agencies


def read_report(path):
    """(info dict, figures dict) of one agency report."""
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        info = {}
        for row in wb["Thông tin"].iter_rows(min_row=2, max_col=2, values_only=True):
            if row[0] is not None:
                info[str(row[0]).strip()] = row[1]
        figures = {}
        rows = wb["Số liệu"].iter_rows(values_only=True)
        header = [str(h).strip() if h is not None else "" for h in next(rows)]
        code_col = header.index("Mã chỉ tiêu")
        value_col = header.index("Số liệu")
        for row in rows:
            if len(row) <= value_col:
                continue
            code, value = row[code_col], row[value_col]
            if code is None or value is None:
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                figures[str(code).strip()] = value
        return info, figures
    finally:
        wb.close()


def report_files(inputs):
    for item in inputs:
        if os.path.isdir(item):
            for name in sorted(os.listdir(item)):
                if name.lower().endswith(".xlsx") and not name.startswith("~$"):
                    yield os.path.join(item, name)
        else:
            yield item


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plan", required=True)
    ap.add_argument("--period", required=True, help='e.g. "2023"')
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--json", action="store_true", help="print the totals as JSON")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()

    indicators, agencies = read_plan(args.plan)
    plan_year = int(args.period[:4])

    newest = {}  # agency -> (version, file, figures)
    rejected = []
    files = 0
    for path in report_files(args.inputs):
        files += 1
        try:
            info, figures = read_report(path)
        except Exception as e:  # a damaged or foreign file is rejected, not fatal
            rejected.append((path, str(e)))
            continue
        agency = str(info.get("Mã cơ quan") or "").strip()
        problems = []
        if info.get("Loại biểu mẫu") != REPORT_FORM_KIND:
            problems.append("not an agency report")
        if agency not in agencies:
            problems.append("unknown agency %r" % agency)
        if str(info.get("Kỳ báo cáo") or "").strip() != args.period:
            problems.append("period %r" % info.get("Kỳ báo cáo"))
        if info.get("Năm kế hoạch") != plan_year:
            problems.append("plan year %r" % info.get("Năm kế hoạch"))
        unknown = [c for c in figures if c not in indicators]
        if unknown:
            problems.append("unknown indicators %s" % ", ".join(unknown))
        if problems:
            rejected.append((path, "; ".join(problems)))
            continue
        version = info.get("Lần gửi") or 1
        if agency not in newest or version > newest[agency][0]:
            newest[agency] = (version, path, figures)

    totals = {}
    for code, (kind, num, den) in indicators.items():
        if kind == "rate":
            n = d = 0
            reported = False
            for _, _, figures in newest.values():
                if num in figures and den in figures:
                    n += figures[num]
                    d += figures[den]
                    reported = True
            totals[code] = (n / d if d else None) if reported and num and den else None
        else:
            values = [figures[code] for _, _, figures in newest.values() if code in figures]
            totals[code] = sum(values) if values else None

    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Tổng hợp")
    ws.append(["Mã chỉ tiêu", "Tổng"])
    for code in indicators:
        ws.append([code, totals[code]])
    ws = wb.create_sheet("Theo cơ quan")
    codes = list(indicators)
    ws.append(["Mã cơ quan", "Lần gửi", "Tệp"] + codes)
    for agency in sorted(newest):
        version, path, figures = newest[agency]
        ws.append([agency, version, os.path.basename(path)] + [figures.get(c) for c in codes])
    ws = wb.create_sheet("Bị từ chối")
    ws.append(["Tệp", "Lý do"])
    for path, reason in rejected:
        ws.append([os.path.basename(path), reason])
    wb.save(args.output)

    if args.json:
        json.dump({"files": files, "agencies": len(newest), "totals": totals}, sys.stdout)
        print()
    else:
        print("%d files, %d agencies, %d rejected -> %s" % (files, len(newest), len(rejected), args.output))


if __name__ == "__main__":
    main()
