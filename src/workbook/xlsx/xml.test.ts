// The reader's XML tokenizer: what spreadsheet parts use, read exactly; what it refuses (a DTD, so no
// entity expansion; undefined entities; malformed markup), refused with XmlError, and in a workbook
// with the code UNREADABLE.
import fc from "fast-check";
import JSZip from "jszip";
import { XlsxReader } from "./xlsxReader";
import { attr, decodeText, scanXml, XmlError, type XmlHandler } from "./xml";

function tokens(xml: string): string[] {
  const out: string[] = [];
  const h: XmlHandler = {
    open: (name, attrs, selfClosing) => out.push(`<${name}${attrs}${selfClosing ? "/" : ""}>`),
    close: (name) => out.push(`</${name}>`),
    text: (s, decoded) => out.push(decoded ? s : decodeText(s)),
  };
  scanXml(xml, h);
  return out;
}

const escape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

describe("scanXml", () => {
  it("reads elements, attributes, text, CDATA; skips declarations, comments and instructions", () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?>\r\n<!-- c --><x:a k="v>1" j=\'2\'><b/>t&amp;&#x1EA1;&#7841;<![CDATA[<raw>&amp;]]><?pi x?></x:a>';
    expect(tokens(xml)).toEqual(["<a k=\"v>1\" j='2'>", "<b/>", "</b>", "t&ạạ", "<raw>&amp;", "</a>"]);
  });

  it("normalizes line ends in text and whitespace in attribute values", () => {
    expect(tokens("<a>x\r\ny\rz</a>")).toEqual(["<a>", "x\ny\nz", "</a>"]);
    expect(attr(' v="a\tb\r\nc&#10;d"', "v")).toBe("a b c\nd");
    expect(attr(' r:id="rId1" id="x"', "r:id")).toBe("rId1");
    expect(attr(' a="1"', "b")).toBeUndefined();
  });

  it("refuses a DTD, so no entity can be defined or expanded (billion laughs)", () => {
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><a>&lol2;</a>';
    expect(() => tokens(laughs)).toThrow(XmlError);
    expect(() => tokens(laughs)).toThrow(/DTD/);
  });

  it("refuses undefined entities, bad character references and malformed markup", () => {
    for (const bad of [
      "<a>&lol;</a>",
      "<a>&#0;</a>",
      "<a>&amp</a>",
      "<a><b></a></b>",
      "<a>",
      "<a b='1></a>",
      "text<a/>",
    ]) {
      expect(() => tokens(bad)).toThrow(XmlError);
    }
    // Attributes are checked when one is read.
    expect(() => attr(" b=1", "b")).toThrow(XmlError);
  });

  it("reads back any text and attribute value it is given escaped", () => {
    // Characters XML can hold (no C0 controls but tab and line feed; no carriage return, which a
    // parser normalizes away).
    const allowed = (s: string): string =>
      [...s].filter((ch) => ch.charCodeAt(0) >= 0x20 || ch === "\t" || ch === "\n").join("");
    const text = fc.string({ unit: "grapheme", maxLength: 40 }).map(allowed);
    fc.assert(
      fc.property(text, text, (t, v) => {
        const xml = `<r><c v="${escape(v).replace(/\n/g, "&#10;").replace(/\t/g, "&#9;")}">${escape(t)}</c></r>`;
        let seen = "";
        let value: string | undefined;
        scanXml(xml, {
          open: (name, attrs) => {
            if (name === "c") value = attr(attrs, "v");
          },
          close: () => undefined,
          text: (s, decoded) => (seen += decoded ? s : decodeText(s)),
        });
        expect(seen).toBe(t);
        expect(value).toBe(v);
      }),
    );
  });
});

describe("XlsxReader on hostile XML", () => {
  async function workbookWithSheet(sheetXml: string): Promise<Buffer> {
    const zip = new JSZip();
    zip.file(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    );
    zip.file(
      "xl/workbook.xml",
      '<workbook xmlns:r="r"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    );
    zip.file(
      "xl/_rels/workbook.xml.rels",
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>',
    );
    zip.file("xl/worksheets/sheet1.xml", sheetXml);
    return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  }

  it("answers a sheet with a DTD (an entity expansion attempt) with UNREADABLE", async () => {
    const laughs =
      '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' +
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>';
    const reader = await XlsxReader.fromBuffer(await workbookWithSheet(laughs), { name: "lol.xlsx" });
    await expect(reader.readSheets(["S"])).rejects.toMatchObject({ code: "UNREADABLE" });
  });

  it("refuses a merge that would make the used range larger than the cell limit", async () => {
    const sheet =
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>' +
      '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>';
    const reader = await XlsxReader.fromBuffer(await workbookWithSheet(sheet));
    await expect(reader.readSheets(["S"])).rejects.toMatchObject({ code: "TOO_LARGE" });
  });

  it("reads a prefixed, hand-written sheet: inline strings, booleans, errors, a merge", async () => {
    const sheet =
      '<x:worksheet xmlns:x="main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Hà</x:t></x:is></x:c>' +
      '<x:c r="C2" t="b"><x:v>1</x:v></x:c><x:c r="D2" t="e"><x:v>#N/A</x:v></x:c></x:row></x:sheetData>' +
      '<x:mergeCells><x:mergeCell ref="B2:B3"/></x:mergeCells></x:worksheet>';
    const reader = await XlsxReader.fromBuffer(await workbookWithSheet(sheet));
    expect((await reader.readSheets(["s"])).get("s")).toEqual([
      [null, null, null, null],
      [null, "Hà", true, "#N/A"],
      [null, null, null, null],
    ]);
    expect((await reader.mergedRanges(["S"])).get("S")).toEqual(["B2:B3"]);
  });
});
