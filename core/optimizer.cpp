#include "optimizer.h"

#include "adagradoptimizer.h"
#include "adamoptimizer.h"
#include "rmspropoptimizer.h"
#include "sgdoptimizer.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace {

struct KindName
{
    OptimizerKind kind;
    const char16_t *name;
};

// In the order of the enum, which is the order all() lists.
constexpr KindName kindNames[] = {
    {OptimizerKind::Gd, u"gd"},
    {OptimizerKind::Momentum, u"momentum"},
    {OptimizerKind::Nesterov, u"nesterov"},
    {OptimizerKind::Adagrad, u"adagrad"},
    {OptimizerKind::Rmsprop, u"rmsprop"},
    {OptimizerKind::Adam, u"adam"},
};

bool sameBits(double a, double b)
{
    return std::memcmp(&a, &b, sizeof(double)) == 0;
}

} // namespace

bool OptimizerSnapshot::Buffer::allFinite() const
{
    return std::all_of(values.begin(), values.begin() + count,
                       [](double value) { return std::isfinite(value); });
}

bool OptimizerSnapshot::operator==(const OptimizerSnapshot &other) const
{
    if (kind != other.kind || steps != other.steps || scalars != other.scalars)
        return false;
    for (std::size_t i = 0; i < buffers.size(); ++i) {
        const Buffer &a = buffers[i];
        const Buffer &b = other.buffers[i];
        if (a.count != b.count
            || !std::equal(a.values.begin(), a.values.begin() + a.count, b.values.begin()))
            return false;
    }
    return true;
}

bool OptimizerSnapshot::sameBits(const OptimizerSnapshot &other) const
{
    if (kind != other.kind || steps != other.steps)
        return false;
    for (std::size_t i = 0; i < scalars.size(); ++i) {
        if (!::sameBits(scalars[i], other.scalars[i]))
            return false;
    }
    for (std::size_t i = 0; i < buffers.size(); ++i) {
        if (buffers[i].size() != other.buffers[i].size())
            return false;
        for (Eigen::Index j = 0; j < buffers[i].size(); ++j) {
            if (!::sameBits(buffers[i](j), other.buffers[i](j)))
                return false;
        }
    }
    return true;
}

double OptimizerSettings::epsilon() const
{
    if (eps)
        return *eps;
    return kind == OptimizerKind::Adagrad ? 1e-10 : 1e-8;
}

Optimizer::Optimizer(const OptimizerSettings &settings)
    : m_settings(settings)
{
}

void Optimizer::setSettings(const OptimizerSettings &settings)
{
    // The kind stays the one this optimizer was made for: a request for another kind only
    // changes the hyper-parameters.
    const OptimizerKind kind = m_settings.kind;
    m_settings = settings;
    m_settings.kind = kind;
}

OptimizerSnapshot Optimizer::emptySnapshot(qint64 steps) const
{
    OptimizerSnapshot snapshot;
    snapshot.kind = m_settings.kind;
    snapshot.steps = steps;
    return snapshot;
}

void Optimizer::store(const Eigen::VectorXd &from, OptimizerSnapshot::Buffer *to)
{
    Q_ASSERT(from.size() <= OptimizerSnapshot::MaxParameters);
    to->resize(std::min<Eigen::Index>(from.size(), OptimizerSnapshot::MaxParameters));
    for (Eigen::Index i = 0; i < to->size(); ++i)
        (*to)(i) = from(i);
}

void Optimizer::load(const OptimizerSnapshot::Buffer &from, Eigen::VectorXd *to)
{
    to->resize(from.size());
    for (Eigen::Index i = 0; i < from.size(); ++i)
        (*to)(i) = from(i);
}

bool Optimizer::fits(const OptimizerSnapshot &snapshot, Eigen::Index parameters)
{
    // The buffers each rule uses, in the order of its snapshot (see the optimizers' headers).
    int used = 0;
    switch (snapshot.kind) {
    case OptimizerKind::Gd:
        break;
    case OptimizerKind::Momentum:
    case OptimizerKind::Nesterov:
    case OptimizerKind::Adagrad:
        used = 1;
        break;
    case OptimizerKind::Rmsprop:
        used = 3;
        break;
    case OptimizerKind::Adam:
        used = 4;
        break;
    }
    if (parameters < 1 || parameters > OptimizerSnapshot::MaxParameters)
        return false;
    for (int i = 0; i < OptimizerSnapshot::MaxBuffers; ++i) {
        const Eigen::Index size = snapshot.buffers[std::size_t(i)].size();
        const bool required = snapshot.steps > 0 && i < used;
        if (required ? size != parameters
                     : size != 0 && (snapshot.steps == 0 || size != parameters))
            return false;
    }
    return true;
}

std::unique_ptr<Optimizer> Optimizer::create(const OptimizerSettings &settings)
{
    switch (settings.kind) {
    case OptimizerKind::Gd:
    case OptimizerKind::Momentum:
    case OptimizerKind::Nesterov:
        return std::make_unique<SgdOptimizer>(settings);
    case OptimizerKind::Adagrad:
        return std::make_unique<AdagradOptimizer>(settings);
    case OptimizerKind::Rmsprop:
        return std::make_unique<RmspropOptimizer>(settings);
    case OptimizerKind::Adam:
        return std::make_unique<AdamOptimizer>(settings);
    }
    return nullptr;
}

QString Optimizer::name(OptimizerKind kind)
{
    for (const KindName &entry : kindNames) {
        if (entry.kind == kind)
            return QString::fromUtf16(entry.name);
    }
    return {};
}

std::optional<OptimizerKind> Optimizer::fromName(const QString &name)
{
    for (const KindName &entry : kindNames) {
        if (name == QStringView(entry.name))
            return entry.kind;
    }
    return std::nullopt;
}

std::vector<OptimizerKind> Optimizer::all()
{
    std::vector<OptimizerKind> kinds;
    for (const KindName &entry : kindNames)
        kinds.push_back(entry.kind);
    return kinds;
}

QStringList Optimizer::names()
{
    QStringList names;
    for (const OptimizerKind kind : all())
        names.append(name(kind));
    return names;
}

QString Optimizer::title(OptimizerKind kind)
{
    switch (kind) {
    case OptimizerKind::Gd:
        return QCoreApplication::translate("Optimizer", "gradient descent");
    case OptimizerKind::Momentum:
        return QCoreApplication::translate("Optimizer", "momentum");
    case OptimizerKind::Nesterov:
        return QCoreApplication::translate("Optimizer", "Nesterov");
    case OptimizerKind::Adagrad:
        return QCoreApplication::translate("Optimizer", "AdaGrad");
    case OptimizerKind::Rmsprop:
        return QCoreApplication::translate("Optimizer", "RMSprop");
    case OptimizerKind::Adam:
        return QCoreApplication::translate("Optimizer", "Adam");
    }
    return {};
}
