#include "chartstyle.h"
#include "dataeditorview.h"
#include "losscurveview.h"
#include "lossstepview.h"
#include "mainwindow.h"
#include "racertrail.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QDir>
#include <QLegend>
#include <QPalette>
#include <QStyle>
#include <QTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>

// The charts' colours: they follow the application's palette, light or dark, while the program
// runs; and the colours that must be told apart stay apart for people with the common
// colour-vision deficiencies, simulated as Machado, Oliveira & Fernandes (2009) do.
class TestChartStyle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conversionsOnKnownValues();
    void coloursStayApart_data();
    void coloursStayApart();
    void chartsFollowThePalette();
};

namespace {

using Vector = std::array<double, 3>;
using Matrix = std::array<Vector, 3>;

// Machado, Oliveira & Fernandes, "A Physiologically-based Model for Simulation of Color Vision
// Deficiency", IEEE TVCG 15(6), 2009: the matrices of their Table 1 (and of the table on the
// authors' page) for severity 1.0, which act on linear RGB.
constexpr Matrix protanopia = {{{0.152286, 1.052583, -0.204868},
                                {0.114503, 0.786281, 0.099216},
                                {-0.003882, -0.048116, 1.051998}}};
constexpr Matrix deuteranopia = {{{0.367322, 0.860646, -0.227968},
                                  {0.280085, 0.672501, 0.047413},
                                  {-0.011820, 0.042940, 0.968881}}};
constexpr Matrix tritanopia = {{{1.255528, -0.076749, -0.178779},
                                {-0.078411, 0.930809, 0.147602},
                                {0.004733, 0.691367, 0.303900}}};
constexpr Matrix normalVision = {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}};

// The sRGB transfer function (IEC 61966-2-1), each channel from 0 to 1.
double toLinear(double c)
{
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

Vector linearRgb(const QColor &color)
{
    return {toLinear(color.redF()), toLinear(color.greenF()), toLinear(color.blueF())};
}

// The colour as seen with the deficiency: the matrix in linear RGB, clipped to the gamut.
Vector simulate(const Matrix &m, const Vector &rgb)
{
    Vector out {};
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = std::clamp(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2], 0.0, 1.0);
    return out;
}

// CIE L*a*b* under D65 from linear sRGB (the sRGB matrix to XYZ of IEC 61966-2-1).
Vector lab(const Vector &rgb)
{
    const double x = 0.4124564 * rgb[0] + 0.3575761 * rgb[1] + 0.1804375 * rgb[2];
    const double y = 0.2126729 * rgb[0] + 0.7151522 * rgb[1] + 0.0721750 * rgb[2];
    const double z = 0.0193339 * rgb[0] + 0.1191920 * rgb[1] + 0.9503041 * rgb[2];
    const auto f = [](double t) {
        constexpr double delta = 6.0 / 29.0;
        return t > delta * delta * delta ? std::cbrt(t) : t / (3 * delta * delta) + 4.0 / 29.0;
    };
    const double fx = f(x / 0.95047), fy = f(y / 1.0), fz = f(z / 1.08883);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double degrees(double radians)
{
    return radians * 180.0 / M_PI;
}

double radians(double degrees)
{
    return degrees * M_PI / 180.0;
}

// CIEDE2000 (CIE 142-2001), written after Sharma, Wu & Dalal (2005), with kL = kC = kH = 1.
double deltaE2000(const Vector &lab1, const Vector &lab2)
{
    const double c1 = std::hypot(lab1[1], lab1[2]), c2 = std::hypot(lab2[1], lab2[2]);
    const double cMean7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(cMean7 / (cMean7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * lab1[1], a2 = (1 + g) * lab2[1];
    const double cp1 = std::hypot(a1, lab1[2]), cp2 = std::hypot(a2, lab2[2]);
    const auto hue = [](double b, double a) {
        if (a == 0 && b == 0)
            return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(lab1[2], a1), h2 = hue(lab2[2], a2);

    const double dL = lab2[0] - lab1[0];
    const double dC = cp2 - cp1;
    double dh = 0;
    if (cp1 * cp2 != 0) {
        dh = h2 - h1;
        if (dh > 180)
            dh -= 360;
        else if (dh < -180)
            dh += 360;
    }
    const double dH = 2 * std::sqrt(cp1 * cp2) * std::sin(radians(dh / 2));

    const double lMean = (lab1[0] + lab2[0]) / 2;
    const double cpMean = (cp1 + cp2) / 2;
    double hMean = h1 + h2;
    if (cp1 * cp2 != 0) {
        if (std::fabs(h1 - h2) <= 180)
            hMean = (h1 + h2) / 2;
        else
            hMean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }
    const double t = 1 - 0.17 * std::cos(radians(hMean - 30)) + 0.24 * std::cos(radians(2 * hMean))
        + 0.32 * std::cos(radians(3 * hMean + 6)) - 0.20 * std::cos(radians(4 * hMean - 63));
    const double dTheta = 30 * std::exp(-std::pow((hMean - 275) / 25, 2));
    const double cpMean7 = std::pow(cpMean, 7);
    const double rC = 2 * std::sqrt(cpMean7 / (cpMean7 + std::pow(25.0, 7)));
    const double sL = 1 + 0.015 * std::pow(lMean - 50, 2) / std::sqrt(20 + std::pow(lMean - 50, 2));
    const double sC = 1 + 0.045 * cpMean;
    const double sH = 1 + 0.015 * cpMean * t;
    const double rT = -std::sin(radians(2 * dTheta)) * rC;
    return std::sqrt(std::pow(dL / sL, 2) + std::pow(dC / sC, 2) + std::pow(dH / sH, 2)
                     + rT * (dC / sC) * (dH / sH));
}

// WCAG 2's relative luminance.
double luminance(const QColor &color)
{
    const Vector rgb = linearRgb(color);
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
}

// A dark palette as a dark desktop theme gives one: light text on dark grey.
QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2b, 0x2b), base(0x1e, 0x1e, 0x1e), text(0xee, 0xee, 0xee);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, base);
    palette.setColor(QPalette::AlternateBase, window);
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::ToolTipBase, base);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x8e, 0xe6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    palette.setColor(QPalette::Midlight, QColor(0x40, 0x40, 0x40));
    palette.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x18));
    palette.setColor(QPalette::Shadow, Qt::black);
    palette.setColor(QPalette::Link, QColor(0x6c, 0xb4, 0xff));
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return palette;
}

QPalette lightPalette()
{
    return QApplication::style()->standardPalette();
}

struct Named
{
    QString name;
    QColor color;
};

// ΔE00 of 10 is several times the difference seen between two large patches side by side
// (about 1 to 2): the colours here are of dots 7 to 11 pixels wide and lines 1.5 to 2.5 wide,
// for which the difference needed grows several-fold (Stone, Szafir & Setlur, "An Engineering
// Model for Color Difference as a Function of Size", 2014).
constexpr double minimumDeltaE = 10.0;

} // namespace

void TestChartStyle::conversionsOnKnownValues()
{
    // sRGB 128 decodes to ((128/255 + 0.055)/1.055)^2.4 = 0.2158605.
    QVERIFY(std::fabs(toLinear(128.0 / 255.0) - 0.2158605) < 1e-6);
    // Pure sRGB red is L*a*b* (53.2408, 80.0925, 67.2032) under D65.
    const Vector red = lab(linearRgb(QColor(255, 0, 0)));
    QVERIFY(std::fabs(red[0] - 53.2408) < 1e-3);
    QVERIFY(std::fabs(red[1] - 80.0925) < 2e-3);
    QVERIFY(std::fabs(red[2] - 67.2032) < 2e-3);
    // Sharma, Wu & Dalal's test pairs 1 and 7 (ΔE00 2.0425 and 2.3669), and one whose hue mean
    // wraps past 360° (pair 17: 27.1492).
    QVERIFY(std::fabs(deltaE2000({50, 2.6772, -79.7751}, {50, 0, -82.7485}) - 2.0425) < 1e-4);
    QVERIFY(std::fabs(deltaE2000({50, 0, 0}, {50, -1, 2}) - 2.3669) < 1e-4);
    QVERIFY(std::fabs(deltaE2000({50, 2.5, 0}, {73, 25, -18}) - 27.1492) < 1e-4);
    // Each matrix keeps white white (its rows sum to 1) and protanopia sees linear red
    // (1, 0, 0) as the first column, clipped: (0.152286, 0.114503, 0).
    for (const Matrix &m : {protanopia, deuteranopia, tritanopia}) {
        for (const Vector &row : m)
            QVERIFY(std::fabs(row[0] + row[1] + row[2] - 1.0) < 2e-6);
    }
    const Vector seen = simulate(protanopia, {1, 0, 0});
    QCOMPARE(seen[0], 0.152286);
    QCOMPARE(seen[1], 0.114503);
    QCOMPARE(seen[2], 0.0);
}

void TestChartStyle::coloursStayApart_data()
{
    QTest::addColumn<QString>("deficiency");
    QTest::addColumn<bool>("dark");

    for (const char *deficiency : {"normal", "protanopia", "deuteranopia", "tritanopia"}) {
        for (bool dark : {false, true}) {
            QTest::addRow("%s, %s palette", deficiency, dark ? "dark" : "light")
                << QString::fromLatin1(deficiency) << dark;
        }
    }
}

void TestChartStyle::coloursStayApart()
{
    QFETCH(QString, deficiency);
    QFETCH(bool, dark);

    const Matrix &m = deficiency == QLatin1String("protanopia") ? protanopia
        : deficiency == QLatin1String("deuteranopia")           ? deuteranopia
        : deficiency == QLatin1String("tritanopia")             ? tritanopia
                                                                : normalVision;
    const QPalette palette = dark ? darkPalette() : lightPalette();
    const QColor background = palette.color(QPalette::Base);

    // What is drawn together: the data editor's points, line, residuals and selected point; the
    // loss curve with the current w and every racer's trail. Each also against the background.
    QList<Named> editor = {{QStringLiteral("points"), ChartStyle::dataColor()},
                           {QStringLiteral("line"), ChartStyle::modelColor()},
                           {QStringLiteral("residuals"), ChartStyle::residualColor()},
                           {QStringLiteral("selected point"), ChartStyle::selectionColor()},
                           {QStringLiteral("background"), background}};
    QList<Named> curve = {{QStringLiteral("loss curve"), ChartStyle::modelColor()},
                          {QStringLiteral("current w"), ChartStyle::markerColor(palette)},
                          {QStringLiteral("background"), background}};
    for (OptimizerKind kind : Optimizer::all())
        curve.append({Optimizer::title(kind) + QStringLiteral(" trail"), RacerStyle::color(kind)});

    double smallest = qInf();
    QString closest;
    for (const QList<Named> &drawnTogether : {editor, curve}) {
        for (qsizetype i = 0; i < drawnTogether.size(); ++i) {
            for (qsizetype j = i + 1; j < drawnTogether.size(); ++j) {
                const Named &a = drawnTogether[i];
                const Named &b = drawnTogether[j];
                const double d = deltaE2000(lab(simulate(m, linearRgb(a.color))),
                                            lab(simulate(m, linearRgb(b.color))));
                if (d < smallest) {
                    smallest = d;
                    closest = a.name + QStringLiteral(" and ") + b.name;
                }
            }
        }
    }
    qInfo("smallest CIEDE2000 difference: %.1f (%s)", smallest, qPrintable(closest));
    QVERIFY2(smallest >= minimumDeltaE,
             qPrintable(QStringLiteral("%1: ΔE00 %2").arg(closest).arg(smallest, 0, 'f', 1)));
}

void TestChartStyle::chartsFollowThePalette()
{
    const QPalette original = QApplication::palette();
    MainWindow window;
    window.resize(1280, 820);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QList<QChart *> charts = {window.dataEditor()->chart(), window.lossCurve()->chart(),
                                    window.lossStep()->chart()};
    const auto check = [&](bool dark, const char *name) {
        // The window hears of a new application palette through a posted event.
        QTRY_VERIFY2((luminance(charts.first()->backgroundBrush().color()) < 0.5) == dark, name);
        for (QChart *chart : charts) {
            const double background = luminance(chart->backgroundBrush().color());
            const double legend = luminance(chart->legend()->labelColor());
            QVERIFY2(dark ? background < 0.05 : background > 0.8, name);
            QVERIFY2(dark ? legend > 0.6 : legend < 0.1, name);
            const QList<QAbstractAxis *> axes = chart->axes();
            QVERIFY(!axes.isEmpty());
            for (QAbstractAxis *axis : axes) {
                const double labels = luminance(axis->labelsColor());
                const double title = luminance(axis->titleBrush().color());
                QVERIFY2(dark ? labels > 0.6 : labels < 0.1, name);
                QVERIFY2(dark ? title > 0.6 : title < 0.1, name);
                // WCAG's contrast ratio for text: at least 4.5.
                const double contrast =
                    (std::max(labels, background) + 0.05) / (std::min(labels, background) + 0.05);
                QVERIFY2(contrast >= 4.5, name);
            }
        }
        // As drawn: a corner of the loss curve's plot area.
        QApplication::processEvents();
        const QImage image = window.lossCurve()->grab().toImage();
        const QPointF corner = window.lossCurve()->chart()->plotArea().topRight() + QPointF(-3, 3);
        const double drawn = luminance(image.pixelColor(corner.toPoint()));
        QVERIFY2(dark ? drawn < 0.05 : drawn > 0.8, qPrintable(QString::number(drawn)));
        // The current w is drawn in the palette's text colour.
        const double marker = luminance(ChartStyle::markerColor(window.lossCurve()->palette()));
        QVERIFY2(dark ? marker > 0.6 : marker < 0.1, name);
        // LOSSLAB_TEST_SCREENSHOTS=DIR keeps a picture of each, to look at.
        const QString folder = qEnvironmentVariable("LOSSLAB_TEST_SCREENSHOTS");
        if (!folder.isEmpty())
            window.grab().save(
                QDir(folder).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
    };

    QApplication::setPalette(lightPalette());
    check(false, "light");
    // Changed while the program runs, as a desktop switching to its dark theme does.
    QApplication::setPalette(darkPalette());
    check(true, "dark");
    QApplication::setPalette(lightPalette());
    check(false, "light again");
    QApplication::setPalette(original);
    window.closeWithoutAsking();
}

QTEST_MAIN(TestChartStyle)
#include "tst_chartstyle.moc"
