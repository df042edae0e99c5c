#pragma once

#include "dataset.h"

#include <QAbstractTableModel>

// The window's data and current w, as a table: x, y, prediction w·x and squared error.
// The one place the window's dataset is changed; every view follows its signals.
class DatasetModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { XColumn, YColumn, PredictionColumn, SquaredErrorColumn, ColumnCount };

    explicit DatasetModel(QObject *parent = nullptr);

    const Dataset &dataset() const { return m_data; }
    double w() const { return m_w; }

    // Replaces the data; the names are the file's column headers, shown beside x and y.
    void setDataset(const Dataset &data, const QString &xName = {}, const QString &yName = {});
    // "x" or "x: income" when the column has a name.
    QString xLabel() const;
    QString yLabel() const;
    void setW(double w);
    void setPoint(int row, double x, double y);
    int addPoint(double x, double y);
    void removePoint(int row);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

Q_SIGNALS:
    // Any change to the points: an edit, an addition, a removal or a new dataset.
    void pointsChanged();
    // The dataset was replaced as a whole (a file was opened).
    void datasetReplaced();
    void wChanged(double w);
    // A typed edit was refused; `message` says why.
    void editRejected(const QString &message);

private:
    void emitRowChanged(int row);

    Dataset m_data = Dataset::lesson();
    QString m_xName;
    QString m_yName;
    double m_w = 0.0;
};
