#include "datasetmodel.h"

#include "localenumber.h"
#include "lossfunction.h"
#include "pointcommand.h"

#include <QUndoStack>

#include <algorithm>
#include <cmath>

namespace {

QString shortText(double value)
{
    return LocaleNumber::shortest(value);
}

// A prediction or loss too large to represent is said in words.
QString computedText(double value)
{
    return LocaleNumber::readable(value);
}

} // namespace

DatasetModel::DatasetModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

Dataset DatasetModel::setDataset(Dataset data, const QString &xName, const QString &yName)
{
    beginResetModel();
    std::swap(m_data, data);
    m_xName = xName;
    m_yName = yName;
    endResetModel();
    Q_EMIT headerDataChanged(Qt::Horizontal, XColumn, YColumn);
    Q_EMIT datasetReplaced();
    refreshTrainingData();
    Q_EMIT pointsChanged();
    return data;
}

QString DatasetModel::xLabel() const
{
    return m_xName.isEmpty() || m_xName == QLatin1String("x") ? tr("x") : tr("x: %1").arg(m_xName);
}

QString DatasetModel::yLabel() const
{
    return m_yName.isEmpty() || m_yName == QLatin1String("y") ? tr("y") : tr("y: %1").arg(m_yName);
}

void DatasetModel::setW(double w)
{
    setParameters(w, m_b);
}

void DatasetModel::setB(double b)
{
    setParameters(m_w, b);
}

void DatasetModel::setParameters(double w, double b)
{
    if (!m_objective.hasBias())
        b = 0.0;
    if (w == m_w && b == m_b)
        return;
    m_w = w;
    m_b = b;
    emitComputedColumnsChanged();
    Q_EMIT parametersChanged();
}

void DatasetModel::setObjective(const Objective &objective)
{
    m_objective = objective;
    if (!objective.hasBias())
        m_b = 0.0;
    Q_EMIT headerDataChanged(Qt::Horizontal, PredictionColumn, SquaredErrorColumn);
    emitComputedColumnsChanged();
    Q_EMIT objectiveChanged();
    Q_EMIT parametersChanged();
}

void DatasetModel::setStandardized(bool standardized)
{
    if (standardized == m_standardized)
        return;
    m_standardized = standardized;
    refreshTrainingData();
    Q_EMIT pointsChanged();
    Q_EMIT parametersChanged();
}

void DatasetModel::refreshTrainingData()
{
    if (!m_standardized)
        return;
    const std::vector<double> &xs = m_data.xs();
    const Dataset::Spread spread = m_data.xSpread();
    m_meanX = spread.mean;
    m_scaleX = spread.deviation > 0.0 ? spread.deviation : 1.0;
    std::vector<double> zs(xs.size());
    for (std::size_t i = 0; i < xs.size(); ++i)
        zs[i] = (xs[i] - m_meanX) / m_scaleX;
    m_zData = Dataset(std::move(zs), m_data.ys());
}

void DatasetModel::emitComputedColumnsChanged()
{
    if (!m_data.isEmpty())
        Q_EMIT dataChanged(index(0, PredictionColumn), index(rowCount() - 1, SquaredErrorColumn));
}

void DatasetModel::record(PointCommand *command)
{
    if (m_undoStack) {
        m_undoStack->push(command);
    } else {
        command->redo();
        delete command;
    }
}

void DatasetModel::setPoint(int row, double x, double y, int gesture)
{
    Q_ASSERT(row >= 0 && row < rowCount());
    const auto i = std::size_t(row);
    record(PointCommand::moved(this, row, {m_data.x(i), m_data.y(i)}, {x, y}, gesture));
}

int DatasetModel::addPoint(double x, double y)
{
    const int row = rowCount();
    record(PointCommand::added(this, row, {x, y}));
    return row;
}

void DatasetModel::removePoint(int row)
{
    Q_ASSERT(row >= 0 && row < rowCount());
    const auto i = std::size_t(row);
    record(PointCommand::removed(this, row, {m_data.x(i), m_data.y(i)}));
}

void DatasetModel::setPointNow(int row, double x, double y)
{
    Q_ASSERT(row >= 0 && row < rowCount());
    const QPointF from(m_data.x(std::size_t(row)), m_data.y(std::size_t(row)));
    m_data.setPoint(std::size_t(row), x, y);
    emitRowChanged(row);
    refreshTrainingData();
    Q_EMIT pointMoved(row, from);
    Q_EMIT pointsChanged();
}

void DatasetModel::insertPointNow(int row, double x, double y)
{
    Q_ASSERT(row >= 0 && row <= rowCount());
    beginInsertRows({}, row, row);
    m_data.insert(std::size_t(row), x, y);
    endInsertRows();
    refreshTrainingData();
    Q_EMIT pointsChanged();
}

void DatasetModel::removePointNow(int row)
{
    Q_ASSERT(row >= 0 && row < rowCount());
    beginRemoveRows({}, row, row);
    m_data.remove(std::size_t(row));
    endRemoveRows();
    refreshTrainingData();
    Q_EMIT pointsChanged();
}

int DatasetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_data.size());
}

int DatasetModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DatasetModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const auto row = std::size_t(index.row());
    const double x = m_data.x(row);
    const double y = m_data.y(row);
    const double prediction = predict(x);

    if (role == Qt::TextAlignmentRole)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    if (role != Qt::DisplayRole && role != Qt::EditRole)
        return {};
    switch (index.column()) {
    case XColumn:
        return shortText(x);
    case YColumn:
        return shortText(y);
    case PredictionColumn:
        return computedText(prediction);
    case SquaredErrorColumn:
        return computedText(LossFunction::pointLoss(m_objective, prediction - y));
    default:
        return {};
    }
}

bool DatasetModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (role != Qt::EditRole || !index.isValid()
        || (index.column() != XColumn && index.column() != YColumn)) {
        return false;
    }
    const QString text = value.toString();
    const auto number = LocaleNumber::parse(text);
    if (!number) {
        Q_EMIT editRejected(tr("Row %1: '%2' %3; the value was kept.")
                                .arg(index.row() + 1)
                                .arg(text, LocaleNumber::whyNot(text)));
        return false;
    }
    const auto row = std::size_t(index.row());
    const bool isX = index.column() == XColumn;
    setPoint(index.row(), isX ? *number : m_data.x(row), isX ? m_data.y(row) : *number);
    return true;
}

QVariant DatasetModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    if (orientation == Qt::Vertical)
        return section + 1;
    switch (section) {
    case XColumn:
        return xLabel();
    case YColumn:
        return yLabel();
    case PredictionColumn:
        return m_objective.hasBias() ? tr("prediction w·x + b") : tr("prediction w·x");
    case SquaredErrorColumn:
        switch (m_objective.loss) {
        case LossKind::Mae:
            return tr("absolute error");
        case LossKind::Huber:
            return tr("Huber loss");
        case LossKind::Mse:
            break;
        }
        return tr("squared error");
    default:
        return {};
    }
}

Qt::ItemFlags DatasetModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.column() == XColumn || index.column() == YColumn)
        flags |= Qt::ItemIsEditable;
    return flags;
}

void DatasetModel::emitRowChanged(int row)
{
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}
