"""Readers: encodings, newlines, BOMs, .docx, .srt and .vtt, and what they refuse."""

from __future__ import annotations

import hashlib
import os
import zipfile

import pytest

from annotation.errors import InputError
from annotation.readers import parse_size, read

TEXT = "Вопрос: Как вы оцениваете значение этого визита?\nОтвет: Я не могу быть уверен, что он имел в виду это.\n"


@pytest.mark.parametrize(
    "encoding, data",
    [
        ("utf-8", TEXT.encode("utf-8")),
        ("utf-8 with BOM", TEXT.encode("utf-8-sig")),
        ("utf-16 LE with BOM", TEXT.encode("utf-16")),
        ("utf-16 BE with BOM", b"\xfe\xff" + TEXT.encode("utf-16-be")),
        ("cp1251", TEXT.encode("cp1251")),
        ("koi8-r", TEXT.encode("koi8-r")),
    ],
)
def test_text_in_every_common_encoding_reads_the_same(tmp_path, encoding, data):
    path = tmp_path / "t.txt"
    path.write_bytes(data)
    raw = read(path)
    assert raw.text == TEXT
    assert raw.sha256 == hashlib.sha256(data).hexdigest()


def test_a_short_cp1251_line_is_not_taken_for_another_code_page(tmp_path):
    path = tmp_path / "short.txt"
    path.write_bytes("– Привет".encode("cp1251"))
    assert read(path).text == "– Привет"


def test_crlf_and_lone_cr_become_lf_and_nothing_else_changes(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes("\ufeffА:  один\r\nБ: два\rВ: три\t \r\n".encode())
    assert read(path).text == "А:  один\nБ: два\nВ: три\t \n"


def test_encoding_option_overrides_detection(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes(TEXT.encode("koi8-r"))
    assert read(path, encoding="koi8-r").text == TEXT
    assert read(path, encoding="cp1251").text != TEXT  # the person's choice is obeyed
    with pytest.raises(InputError, match="not valid utf-8"):
        read(path, encoding="utf-8")
    with pytest.raises(InputError, match="unknown encoding"):
        read(path, encoding="klingon")


def test_utf16_has_nul_bytes_but_is_not_binary_while_nul_bytes_otherwise_are(tmp_path):
    path = tmp_path / "t.txt"
    path.write_bytes("Привет".encode("utf-16"))
    assert read(path).text == "Привет"
    path.write_bytes("Hello there".encode("utf-16-le"))  # no BOM: refused, with the way out
    with pytest.raises(InputError, match="UTF-16 text without a byte-order mark: try --encoding utf-16-le"):
        read(path)
    assert read(path, encoding="utf-16-le").text == "Hello there"
    path.write_bytes("Привет, мир".encode("utf-16-le"))  # no BOM: not read as something else
    with pytest.raises(InputError, match="binary|UTF-16"):
        read(path)


def test_size_limit(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text("слово " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="size limit"):
        read(path, max_size=100)
    assert parse_size("10MB") == 10 * 1024 * 1024
    assert parse_size("512k") == 512 * 1024
    assert parse_size("1000") == 1000
    with pytest.raises(ValueError):
        parse_size("lots")


def test_docx_paragraphs_are_joined_by_blank_lines_with_bold_names_as_hints(interview_docx):
    raw = read(interview_docx)
    assert raw.kind == "docx"
    paragraphs = raw.text.split("\n\n")
    assert paragraphs[0] == "Интервью записано в Казани в мае 2024 года."
    assert paragraphs[1] == "Елена Смирнова: Как вы пришли в профессию?"
    assert len(paragraphs) == 6
    assert [raw.text[b.start : b.end] for b in raw.blocks] == paragraphs
    assert [b.bold for b in raw.blocks] == [0, len("Елена Смирнова:"), len("Олег Рахимов:"), 0, 15, 13]
    assert raw.sha256 == hashlib.sha256(interview_docx.read_bytes()).hexdigest()


def test_a_docx_that_is_not_a_zip_or_not_a_word_file_is_refused(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("just text", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid .docx"):
        read(path)
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not word")
    with pytest.raises(InputError, match=r"\.docx"):
        read(path)


SRT = """1
00:00:01,000 --> 00:00:03,500
<i>- Вы давно здесь живёте?</i>
- Лет двадцать.

2
00:00:04,000 --> 00:00:06,000
А раньше?
"""

VTT = """WEBVTT

NOTE made by hand

intro
00:01.000 --> 00:04.000 align:start
<v Anna Lee>Welcome &amp; hello.

00:00:04.500 --> 00:00:06.000
<v.loud Sam   Ortiz>Hi.
"""


def test_srt_text_is_the_cue_texts_without_numbers_times_or_tags(tmp_path):
    path = tmp_path / "s.srt"
    path.write_bytes(SRT.replace("\n", "\r\n").encode("cp1251"))
    raw = read(path)
    assert raw.kind == "subtitles"
    assert raw.text == "- Вы давно здесь живёте?\n- Лет двадцать.\n\nА раньше?"
    assert [(b.time_start, b.time_end) for b in raw.blocks] == [(1.0, 3.5), (4.0, 6.0)]


def test_vtt_keeps_voice_tags_as_speakers_and_unescapes_entities(tmp_path):
    path = tmp_path / "s.vtt"
    path.write_text(VTT, encoding="utf-8")
    raw = read(path)
    assert raw.text == "Welcome & hello.\n\nHi."
    voices = [(b.voice, b.time_start, b.time_end) for b in raw.blocks]
    assert voices == [("Anna Lee", 1.0, 4.0), ("Sam Ortiz", 4.5, 6.0)]


@pytest.mark.parametrize(
    "suffix, content, line",
    [
        (".srt", SRT.replace("00:00:04,000 --> 00:00:06,000", "00:00:04,000 --> 00:00:0x,000"), 7),
        (".srt", SRT.replace("00:00:04,000 --> 00:00:06,000", "00:00:04,000 -> 00:00:06,000"), 7),
        (".srt", SRT.replace("00:00:04,000 --> 00:00:06,000", "00:00:06,000 --> 00:00:04,000"), 7),
        (".vtt", VTT.replace("00:00:04.500 --> 00:00:06.000", "00:00:04.500 --> 00:00:06,000"), 9),
        (".vtt", VTT.replace("00:01.000 --> 00:04.000", "00:01.000 -- > 00:04.000"), 6),
    ],
)
def test_a_broken_timestamp_line_is_an_error_naming_the_line(tmp_path, suffix, content, line):
    path = tmp_path / f"s{suffix}"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=f"on line {line}"):
        read(path)


def test_subtitles_without_cues_or_header_are_refused(tmp_path):
    path = tmp_path / "s.srt"
    path.write_text("just some text\n", encoding="utf-8")
    with pytest.raises(InputError, match="no subtitle cues"):
        read(path)
    path = tmp_path / "s.vtt"
    path.write_text("00:01.000 --> 00:02.000\nhi\n", encoding="utf-8")
    with pytest.raises(InputError, match="WEBVTT"):
        read(path)


def test_only_regular_files_are_read_and_a_link_to_one_is_followed(tmp_path):
    fifo = tmp_path / "x.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match=r"x\.txt: is a named pipe \(FIFO\), not a regular file"):
        read(fifo)  # returns at once: nothing waits for a writer
    zero = tmp_path / "zero.txt"
    zero.symlink_to("/dev/zero")
    with pytest.raises(InputError, match="character device"):
        read(zero)
    real = tmp_path / "real.txt"
    real.write_text(TEXT, encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(real)
    assert read(tmp_path / "link.txt").text == TEXT


@pytest.mark.parametrize(
    "encoding, message",
    [
        ("base64", "'base64' is not a text encoding"),
        ("zlib", "'zlib' is not a text encoding"),
        ("rot_13", "'rot_13' is not a text encoding"),
        ("idna", "not an encoding text files are saved in"),
        ("undefined", "not an encoding text files are saved in"),
        ("klingon", "unknown encoding 'klingon'"),
    ],
)
def test_codecs_that_are_not_text_encodings_are_refused_plainly(tmp_path, encoding, message):
    path = tmp_path / "t.txt"
    path.write_text(TEXT, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read(path, encoding=encoding)
    assert str(caught.value).startswith(f"{path}: ")


def _word(path, body: str) -> None:
    """A bare Word package around ``body`` (the inside of ``<w:body>``)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Override PartName="/word/document.xml" ContentType='
            '"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr(
            "_rels/.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Target="word/document.xml" Type='
            '"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>'
            "</Relationships>",
        )
        archive.writestr("word/document.xml", f'<w:document xmlns:w="{w}"><w:body>{body}</w:body></w:document>')


def test_a_docx_is_limited_by_what_it_unpacks_to_and_by_its_paragraphs(tmp_path):
    path = tmp_path / "t.docx"
    _word(path, "<w:p><w:r><w:t>Вопрос: где?</w:t></w:r></w:p>" * 3)
    assert read(path).text == "\n\n".join(["Вопрос: где?"] * 3)
    _word(path, "<w:p><w:r><w:t>" + "я" * 300_000 + "</w:t></w:r></w:p>")
    assert path.stat().st_size < 10_000
    with pytest.raises(InputError, match=r"unpacks to 600,\d{3} bytes, over the size limit of 512,000"):
        read(path, max_size=512_000)
    _word(path, "<w:p/>" * 10_001)  # the fewest paragraphs a limit allows is 10,000
    with pytest.raises(InputError, match="over 10,000 paragraphs"):
        read(path, max_size=1_000_000)


def test_subtitle_cues_with_no_text_are_not_called_an_empty_file(tmp_path):
    path = tmp_path / "s.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:02,000\n<i> </i>\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"has subtitle cues \(1\) but no text"):
        read(path)


def test_a_zip_of_too_many_entries_is_refused_before_it_is_opened(tmp_path):
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for number in range(10_001):
            archive.writestr(f"{number:x}", b"")
    with pytest.raises(InputError, match="is a zip of over 10,000 entries, not a Word document"):
        read(path)


def test_a_megabyte_timing_line_is_named_in_a_short_message(tmp_path):
    path = tmp_path / "long.srt"
    path.write_text("1\n00:00:01,000 -->" + " a" * 500_000 + "\nHi\n", encoding="utf-8")
    with pytest.raises(InputError, match="broken timestamp on line 2") as caught:
        read(path)
    assert len(str(caught.value)) < len(str(path)) + 150
