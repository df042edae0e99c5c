#include "objective.h"

#include <QCoreApplication>

QString Objective::name(ModelKind model)
{
    return model == ModelKind::Line ? QStringLiteral("line") : QStringLiteral("origin");
}

QString Objective::name(LossKind loss)
{
    switch (loss) {
    case LossKind::Mae:
        return QStringLiteral("mae");
    case LossKind::Huber:
        return QStringLiteral("huber");
    case LossKind::Mse:
        break;
    }
    return QStringLiteral("mse");
}

QString Objective::title(LossKind loss)
{
    switch (loss) {
    case LossKind::Mae:
        return QCoreApplication::translate("Objective", "mean absolute error");
    case LossKind::Huber:
        return QCoreApplication::translate("Objective", "Huber loss");
    case LossKind::Mse:
        break;
    }
    return QCoreApplication::translate("Objective", "mean squared error");
}

QString Objective::label(LossKind loss)
{
    switch (loss) {
    case LossKind::Mae:
        return QStringLiteral("MAE");
    case LossKind::Huber:
        return QStringLiteral("Huber");
    case LossKind::Mse:
        break;
    }
    return QStringLiteral("MSE");
}

std::optional<ModelKind> Objective::modelFromName(const QString &name)
{
    for (ModelKind model : {ModelKind::Origin, ModelKind::Line}) {
        if (name == Objective::name(model))
            return model;
    }
    return std::nullopt;
}

std::optional<LossKind> Objective::lossFromName(const QString &name)
{
    for (LossKind loss : {LossKind::Mse, LossKind::Mae, LossKind::Huber}) {
        if (name == Objective::name(loss))
            return loss;
    }
    return std::nullopt;
}
