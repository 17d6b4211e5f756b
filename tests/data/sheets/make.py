#!/usr/bin/env python3
"""Writes the spreadsheet fixtures in this folder (and tests/data/invalid/sheet-*).

Hand-made, like every fixture here: run `pip install openpyxl odfpy xlwt` and then
`python3 tests/data/sheets/make.py` from the repository root to write them again.
"""
import datetime as dt
import os

import openpyxl
import xlwt
from odf.opendocument import OpenDocumentSpreadsheet
from odf.table import Table, TableCell, TableRow
from odf.text import P
from openpyxl.utils.datetime import CALENDAR_MAC_1904

HERE = os.path.dirname(os.path.abspath(__file__))
INVALID = os.path.join(HERE, "..", "invalid")

GENERIC = ["title", "start", "end", "category", "tags", "actors", "source_url", "analyst"]
INCIDENTS = [
    ["Belnet DDoS", dt.datetime(2021, 5, 4, 11, 0), dt.date(2021, 5, 5), "incident",
     "ddos;availability", "unknown", "https://www.belnet.be", "jd"],
    ["Written as text", "2021-05", None, "incident", None, None, None, None],
    ["A year as a number", 2012, None, "strategy", None, None, None, None],
    ["Impossible date", "2021-02-30", None, "incident", None, None, None, None],
    ["Ends before it starts", dt.date(2021, 6, 2), dt.date(2021, 6, 1), "incident", None, None, None, None],
]
POLICY = [
    ["Cyber Strategy 2.0 approved", dt.date(2021, 5, 20)],
    ["NIS2 transposed", dt.date(2024, 10, 18)],
]


def xlsx(path, epoch=None):
    book = openpyxl.Workbook()
    if epoch is not None:
        book.epoch = epoch
    sheet = book.active
    sheet.title = "Incidents"
    sheet.append(GENERIC)
    for row in INCIDENTS:
        sheet.append(row)
    sheet["B2"].number_format = "yyyy-mm-dd hh:mm"
    notes = book.create_sheet("Notes")
    notes.append(["Collected by the analyst on duty; see the wiki."])
    policy = book.create_sheet("Policy")
    policy.append(["Title", "Start"])
    for row in POLICY:
        policy.append(row)
    book.save(path)


def template(path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "od1"
    sheet.append(["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
                  "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
                  "Media Thumbnail", "Type", "Group", "Background", "Analyst note"])
    rows = [
        [None, None, None, None, None, None, None, None, None, "Belgium's cyber story",
         "<p>From the first strategy to <b>Cyber Strategy 2.0</b></p>", None, None, None, None,
         "title", None, None, None],
        [2021, 5, 4, dt.time(11, 0), 2021, 5, 5, None, None, "Belnet DDoS",
         "Parliament and universities cut off", "https://www.belnet.be", "Belnet", "Statement",
         None, None, "Incidents", None, "confirmed"],
        [2012, None, None, None, None, None, None, None, None, "First national strategy", None,
         None, None, None, None, None, "Policy", None, None],
        [-300, None, None, None, None, None, None, None, "c. 300 BCE", "Euclid's Optica", None,
         None, None, None, None, None, "History", None, None],
        [2021, None, None, None, 2025, None, None, None, None, "Cyber Strategy 2.0", None, None,
         None, None, None, "era", None, None, None],
        [2021, 13, None, None, None, None, None, None, None, "Thirteenth month", None, None,
         None, None, None, None, "Incidents", None, None],
        [2022, 3, 1, "2:30 PM", 2022, 3, "thirty", None, None, "Bad end day", None, None, None,
         None, None, None, "Incidents", None, None],
    ]
    for row in rows:
        sheet.append(row)
    book.save(path)


def template_csv(path):
    with open(path, "w", encoding="utf-8") as out:
        out.write("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,"
                  "Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n")
        out.write(",,,,,,,,,Belgium's cyber story,From the first strategy,,,,,title,,\n")
        out.write("2021,5,4,11:00,2021,5,5,,,Belnet DDoS,\"Parliament, universities cut off\","
                  "https://www.belnet.be,Belnet,Statement,,,Incidents,\n")
        out.write("-300,,,,,,,,c. 300 BCE,Euclid's Optica,,,,,,,History,\n")
        out.write("2021,,,,2025,,,,,Cyber Strategy 2.0,,,,,,era,,\n")
        out.write("2021,13,,,,,,,,Thirteenth month,,,,,,,Incidents,\n")


def ods(path):
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Incidents")

    def row(cells):
        tr = TableRow()
        for cell in cells:
            if cell is None:
                tc = TableCell()
            elif isinstance(cell, dt.datetime):
                tc = TableCell(valuetype="date", datevalue=cell.strftime("%Y-%m-%dT%H:%M:%S"))
                tc.addElement(P(text=cell.isoformat()))
            elif isinstance(cell, dt.date):
                tc = TableCell(valuetype="date", datevalue=cell.isoformat())
                tc.addElement(P(text=cell.isoformat()))
            elif isinstance(cell, (int, float)):
                tc = TableCell(valuetype="float", value=cell)
                tc.addElement(P(text=str(cell)))
            else:
                tc = TableCell(valuetype="string")
                tc.addElement(P(text=cell))
            tr.addElement(tc)
        table.addElement(tr)

    row(GENERIC)
    for r in INCIDENTS:
        row(r)
    doc.spreadsheet.addElement(table)
    doc.save(path)


def xls(path):
    book = xlwt.Workbook()
    sheet = book.add_sheet("Incidents")
    date = xlwt.easyxf(num_format_str="yyyy-mm-dd")
    datetime = xlwt.easyxf(num_format_str="yyyy-mm-dd hh:mm")
    for c, name in enumerate(GENERIC):
        sheet.write(0, c, name)
    for r, values in enumerate(INCIDENTS, start=1):
        for c, value in enumerate(values):
            if value is None:
                continue
            if isinstance(value, dt.datetime):
                sheet.write(r, c, value, datetime)
            elif isinstance(value, dt.date):
                sheet.write(r, c, value, date)
            else:
                sheet.write(r, c, value)
    book.save(path)


def invalid():
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Log"
    sheet.append(["title", "start"])
    sheet.append(["Fine", dt.date(2021, 5, 4)])
    sheet.append(["Bad", "yesterday"])
    book.save(os.path.join(INVALID, "sheet-bad-date.xlsx"))

    book = openpyxl.Workbook()
    book.active.title = "Budget"
    book.active.append(["item", "amount"])
    book.active.append(["laptops", 12000])
    book.save(os.path.join(INVALID, "sheet-no-timeline.xlsx"))

    with open(os.path.join(HERE, "incidents.xlsx"), "rb") as whole:
        data = whole.read()
    with open(os.path.join(INVALID, "sheet-truncated.xlsx"), "wb") as cut:
        cut.write(data[: len(data) // 2])


xlsx(os.path.join(HERE, "incidents.xlsx"))
xlsx(os.path.join(HERE, "incidents-1904.xlsx"), CALENDAR_MAC_1904)
template(os.path.join(HERE, "timelinejs-template.xlsx"))
template_csv(os.path.join(HERE, "timelinejs-template.csv"))
ods(os.path.join(HERE, "incidents.ods"))
xls(os.path.join(HERE, "incidents.xls"))
invalid()
