#include "columnpickerdialog.h"

#include "datasetloader.h"
#include "numerictable.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

ColumnPickerDialog::ColumnPickerDialog(const NumericTable &table, const QString &fileName,
                                       QWidget *parent)
    : QDialog(parent)
    , m_x(new QComboBox(this))
    , m_y(new QComboBox(this))
{
    setWindowTitle(tr("Choose the columns"));
    const QList<int> numeric = DatasetLoader::numericColumns(table);
    for (int column = 0; column < table.columnCount(); ++column) {
        const QString name = numeric.contains(column)
            ? table.header().at(column)
            : tr("%1 (not numeric)").arg(table.header().at(column));
        m_x->addItem(name, column);
        m_y->addItem(name, column);
    }
    m_x->setCurrentIndex(numeric.value(0, 0));
    m_y->setCurrentIndex(numeric.value(1, qMin(1, int(table.columnCount()) - 1)));

    auto *intro = new QLabel(
        tr("%1 has %n column(s). Which hold x and y?", "", int(table.columnCount())).arg(fileName),
        this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&x (input)"), m_x);
    form->addRow(tr("&y (target)"), m_y);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

int ColumnPickerDialog::xColumn() const
{
    return m_x->currentData().toInt();
}

int ColumnPickerDialog::yColumn() const
{
    return m_y->currentData().toInt();
}
