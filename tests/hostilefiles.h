#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Files that must be refused, shared by the window's and the command line's tests: each with
// the words its message must contain (the problem and, where the file has one, the line).
struct HostileFile
{
    const char *name;
    QByteArray content;
    QString expected;
};

inline QList<HostileFile> hostileFiles()
{
    return {
        {"empty", QByteArray(), QStringLiteral("the file is empty")},
        {"header only", QByteArray("x,y\n"), QStringLiteral("no data rows")},
        {"binary", QByteArray("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16),
         QStringLiteral("not a text file (binary data at line 1)")},
        {"NUL byte", QByteArray("x,y\n1,2\n\n3,\0\n", 13),
         QStringLiteral("not a text file (binary data at line 4)")},
        {"unterminated quote", QByteArray("x,y\n1,2\n\"3,4\n"),
         QStringLiteral("a quoted field that starts on line 3 never ends")},
        {"decimal commas", QByteArray("x;y\n1,5;3,0\n2,5;4,5\n"),
         QStringLiteral("no column holds numbers; x and y need two (line 2: '1,5' is not a number: "
                        "decimals take a dot)")},
        {"decimal commas, no header", QByteArray("1,5;3,0\n2,5;4,5\n"),
         QStringLiteral("no column holds numbers; x and y need two (line 2: '2,5' is not a "
                        "number: decimals take a dot)")},
        {"words", QByteArray("x,y\none,two\nthree,four\n"),
         QStringLiteral("no column holds numbers; x and y need two (line 2: 'one' is not a "
                        "number)")},
        {"nan, inf and 1e999", QByteArray("x,y\nnan,1\ninf,2\n1e999,3\n-inf,4\n"),
         QStringLiteral("only column 'y' holds numbers; x and y need two (line 2: 'nan' is not "
                        "a number)")},
    };
}
