#pragma once

#include <QDialog>

class QComboBox;
class NumericTable;

// Asks which columns of a CSV file are x and y; the first two numeric columns are the default.
class ColumnPickerDialog : public QDialog
{
    Q_OBJECT

public:
    ColumnPickerDialog(const NumericTable &table, const QString &fileName,
                       QWidget *parent = nullptr);

    // 0-based columns of the table.
    int xColumn() const;
    int yColumn() const;

    QComboBox *xBox() const { return m_x; }
    QComboBox *yBox() const { return m_y; }

private:
    QComboBox *m_x;
    QComboBox *m_y;
};
