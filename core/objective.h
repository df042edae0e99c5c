#pragma once

#include <QString>

#include <optional>

// The models LossLab fits: y = w·x (the lesson's, through the origin) and y = w·x + b.
enum class ModelKind { Origin, Line };

// The losses, each the mean over the points of a function of the residual r = prediction − y.
enum class LossKind {
    Mse, // r²
    Mae, // |r|, with sign(0) = 0 in the gradient
    Huber, // r²/2 for |r| < δ, δ·(|r| − δ/2) beyond: PyTorch's HuberLoss
};

// What training minimises: a model's loss over the data.
struct Objective
{
    ModelKind model = ModelKind::Origin;
    LossKind loss = LossKind::Mse;
    double delta = 1.0; // Huber's δ; must be positive

    bool hasBias() const { return model == ModelKind::Line; }
    bool operator==(const Objective &other) const = default;

    // Command-line names: "origin", "line"; "mse", "mae", "huber".
    static QString name(ModelKind model);
    static QString name(LossKind loss);
    // The loss's short label for readouts: "MSE", "MAE", "Huber".
    static QString label(LossKind loss);
    // The loss in words, for axis titles and screen readers: "mean squared error", … (translated).
    static QString title(LossKind loss);
    static std::optional<ModelKind> modelFromName(const QString &name);
    static std::optional<LossKind> lossFromName(const QString &name);
};
