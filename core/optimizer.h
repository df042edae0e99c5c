#pragma once

#include <Eigen/Core>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <type_traits>
#include <vector>

// The optimizers LossLab offers, by their command-line names.
enum class OptimizerKind { Gd, Momentum, Nesterov, Adagrad, Rmsprop, Adam };

// The hyper-parameters of every optimizer, with the defaults of PyTorch's torch.optim.
// Each optimizer reads the fields that concern it.
struct OptimizerSettings
{
    OptimizerKind kind = OptimizerKind::Gd;
    double learningRate = 0.01;
    double momentum = 0.9; // momentum, nesterov (torch.optim.SGD's momentum)
    double dampening = 0.0; // momentum (SGD's dampening; nesterov needs 0)
    double alpha = 0.99; // rmsprop's smoothing constant
    double rmspropMomentum = 0.0; // rmsprop's momentum
    bool centered = false; // rmsprop
    double beta1 = 0.9; // adam
    double beta2 = 0.999; // adam
    bool amsgrad = false; // adam
    double lrDecay = 0.0; // adagrad
    double initialAccumulator = 0.0; // adagrad
    std::optional<double> eps; // empty: the optimizer's default (adagrad 1e-10, else 1e-8)

    // eps, or the default of `kind` when none is set.
    double epsilon() const;

    bool operator==(const OptimizerSettings &other) const = default;
};

// One named piece of an optimizer's state, one value per parameter, for the state inspector
// ("velocity", "m", "v", "m̂", "v̂", "effective step" …).
struct OptimizerStateEntry
{
    QString name;
    Eigen::VectorXd values;
};

Q_DECLARE_METATYPE(std::vector<OptimizerStateEntry>)

// The whole state of an optimizer after some step, to be put back later with
// Optimizer::restore(): the step count, every buffer and the numbers the inspector shows. A
// plain value of fixed size, so that taking one allocates nothing; it holds at most
// MaxParameters parameters (w and b).
//
// What each buffer and scalar means is the optimizer's business (see its header); a buffer of
// size 0 does not exist yet (torch creates momentum_buffer at the first step).
struct OptimizerSnapshot
{
    static constexpr int MaxParameters = 2;
    static constexpr int MaxBuffers = 4;
    static constexpr int MaxScalars = 2;

    // One buffer: up to MaxParameters numbers, held in place. Trivially copyable, so that a
    // trail of snapshots is copied as one block of memory.
    struct Buffer
    {
        std::array<double, MaxParameters> values {};
        int count = 0;

        Eigen::Index size() const { return count; }
        void resize(Eigen::Index size) { count = int(size); }
        double &operator()(Eigen::Index i) { return values[std::size_t(i)]; }
        double operator()(Eigen::Index i) const { return values[std::size_t(i)]; }
        bool allFinite() const;
    };

    OptimizerKind kind = OptimizerKind::Gd;
    qint64 steps = 0;
    std::array<Buffer, MaxBuffers> buffers {};
    std::array<double, MaxScalars> scalars {};

    // Equal kinds, steps and sizes, and doubles equal as == compares them.
    bool operator==(const OptimizerSnapshot &other) const;
    // Equal kinds, steps and sizes, and every double with the same bits (-0 is not 0, a NaN
    // equals itself).
    bool sameBits(const OptimizerSnapshot &other) const;
};

static_assert(std::is_trivially_copyable_v<OptimizerSnapshot>);

// An update rule: given the gradient at the current parameters, move them one step.
// Subclasses follow torch.optim's update order exactly (float64), so that a run can be
// reproduced with a few lines of Python to about 1e-12 relative.
class Optimizer
{
public:
    explicit Optimizer(const OptimizerSettings &settings);
    virtual ~Optimizer() = default;

    const OptimizerSettings &settings() const { return m_settings; }
    // New hyper-parameters from the next step on; the state (velocities, accumulators, step
    // count) is kept. The kind must not change (create a new optimizer for that).
    void setSettings(const OptimizerSettings &settings);

    // One update of `parameters` in place, against `gradient` of the same size.
    virtual void step(Eigen::Ref<Eigen::VectorXd> parameters, const Eigen::VectorXd &gradient) = 0;
    // Forgets every piece of state: velocities, accumulators and the step count.
    virtual void reset() = 0;
    // The state after the last step, for the inspector; empty entries before the first step.
    virtual std::vector<OptimizerStateEntry> state() const = 0;
    // False once a velocity or accumulator has grown past the largest double: from there the
    // rule's steps are meaningless (an infinite average of squares makes every step 0).
    virtual bool stateIsFinite() const = 0;
    // Steps taken since construction or the last reset(): the t of Adagrad, RMSprop and Adam
    // (torch.optim's state["step"]); SGD's rule does not use it but counts all the same.
    virtual qint64 steps() const = 0;

    // The whole state now (see OptimizerSnapshot); allocates nothing. Only for at most
    // OptimizerSnapshot::MaxParameters parameters.
    virtual OptimizerSnapshot snapshot() const = 0;
    // Puts back the state `snapshot` holds, so that the next steps are bit for bit those that
    // followed it. A snapshot of another kind is refused: the state is reset and false
    // returned.
    virtual bool restore(const OptimizerSnapshot &snapshot) = 0;

    // Whether `snapshot` is a state an optimizer of its kind can take on for `parameters`
    // parameters: before the first step no buffer exists, after it every buffer the rule uses
    // holds one number per parameter. A snapshot that does not fit (from another model, or a
    // damaged file) would make the next step read past a buffer.
    static bool fits(const OptimizerSnapshot &snapshot, Eigen::Index parameters);

    static std::unique_ptr<Optimizer> create(const OptimizerSettings &settings);
    // "gd", "momentum", "nesterov", "adagrad", "rmsprop", "adam".
    static QString name(OptimizerKind kind);
    static std::optional<OptimizerKind> fromName(const QString &name);
    static std::vector<OptimizerKind> all();
    // The names of all(), in order.
    static QStringList names();
    // The name for people, translated: "gradient descent", "momentum", "Nesterov", "AdaGrad",
    // "RMSprop", "Adam".
    static QString title(OptimizerKind kind);

protected:
    // A snapshot of this optimizer's kind and `steps`, with no buffer yet.
    OptimizerSnapshot emptySnapshot(qint64 steps) const;
    // Copies a buffer into a snapshot and back; the size goes with it (0: no buffer yet).
    static void store(const Eigen::VectorXd &from, OptimizerSnapshot::Buffer *to);
    static void load(const OptimizerSnapshot::Buffer &from, Eigen::VectorXd *to);

    OptimizerSettings m_settings;
};
