package vn.dinhdanh.registry.importer;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal streaming RFC 4180 reader: comma separator, double-quoted fields with {@code ""} escapes and embedded
 * line breaks, LF or CRLF line ends. Tracks the physical line on which each record starts. A record with an
 * unterminated quote is reported as {@link Record#malformed()}.
 */
final class CsvRecordReader {

    /** One record and the line it starts on (1-based). */
    record Record(long line, List<String> fields, boolean malformed) {
        boolean isBlank() {
            return fields.size() == 1 && fields.get(0).isBlank();
        }
    }

    private final Reader in;
    private final char[] buf = new char[64 * 1024];
    private int pos;
    private int len;
    private long line = 1;
    private boolean eof;

    CsvRecordReader(Reader in) {
        this.in = in;
    }

    private int read() throws IOException {
        if (pos == len) {
            if (eof) {
                return -1;
            }
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                eof = true;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c != -1) {
            pos--;
        }
        return c;
    }

    /** The next record, or null at end of input. */
    Record next() throws IOException {
        int c = peek();
        if (c == -1) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStart = true;
        while (true) {
            c = read();
            if (quoted) {
                if (c == -1) {
                    fields.add(field.toString());
                    return new Record(start, fields, true);
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
                continue;
            }
            if (c == -1) {
                fields.add(field.toString());
                return new Record(start, fields, false);
            }
            if (c == '"' && fieldStart) {
                quoted = true;
                fieldStart = false;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStart = true;
            } else if (c == '\r' && peek() == '\n') {
                // CR of CRLF: the LF ends the record
                continue;
            } else if (c == '\n') {
                line++;
                fields.add(field.toString());
                return new Record(start, fields, false);
            } else {
                field.append((char) c);
                fieldStart = false;
            }
        }
    }
}
