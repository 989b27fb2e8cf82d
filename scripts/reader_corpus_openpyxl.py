#!/usr/bin/python3
"""Workbooks written by openpyxl, for the reader's differential test (tests/xlsx/readerDifferential.test.ts):
dates and times, shared and inline strings, rich text, booleans, error values, formulas with and without
cached results, merged cells, hidden and very hidden sheets, a 1904 date-system workbook.

    /usr/bin/python3 scripts/reader_corpus_openpyxl.py OUT_DIR
"""
import datetime
import os
import sys

import openpyxl

out = sys.argv[1]
os.makedirs(out, exist_ok=True)

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Thông tin"
ws.append(["Thông tin", "Giá trị"])
ws.append(["Mã cơ quan", "SNV"])
ws.append(["Ngày gửi", datetime.datetime(2023, 12, 7)])
ws.append(["Giờ", datetime.datetime(2023, 1, 1, 12, 30)])
ws.append(["Chỉ ngày", datetime.date(2022, 12, 31)])
ws.append(["Số", 1652])
ws.append(["Thập phân", 0.9979])
ws.append(["Đúng", True])
ws.append(["Sai", False])
ws.append(["Lỗi", "#DIV/0!"])
ws.append(["Công thức", "=1+1"])
ws.append(["Chuỗi NFD", "Thủ tục hành chính".encode("utf-8").decode("utf-8")])
ws.append(["Ký tự", 'a&b<c>"\''])
ws.append(["Khoảng trắng", "  hai đầu  "])
ws.append(["Xuống dòng", "dòng 1\ndòng 2"])
ws["C3"].number_format = "dd/mm/yyyy"
ws.merge_cells("A20:C21")
ws["A20"] = "Ô gộp"
ws.merge_cells("E1:F1")  # an empty merge
ws["H30"].number_format = "0.00"  # a styled, empty cell far away
try:  # rich text (openpyxl 3.1+)
    from openpyxl.cell.rich_text import CellRichText, TextBlock
    from openpyxl.cell.text import InlineFont

    ws["A25"] = CellRichText(["Hà ", TextBlock(InlineFont(b=True), "Nội")])
except ImportError:
    ws["A25"] = "Hà Nội"
hidden = wb.create_sheet("Ẩn")
hidden.sheet_state = "hidden"
hidden["B2"] = 42
very = wb.create_sheet("Rất ẩn")
very.sheet_state = "veryHidden"
very["A1"] = "bí mật"
wb.save(os.path.join(out, "openpyxl-values.xlsx"))

wb = openpyxl.Workbook()
wb.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
ws = wb.active
ws.title = "1904"
ws.append(["Ngày", datetime.datetime(2023, 12, 31)])
ws.append(["Giờ", datetime.datetime(2000, 2, 29, 6, 0)])
wb.save(os.path.join(out, "openpyxl-1904.xlsx"))
