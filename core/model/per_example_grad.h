#pragma once
// Exact per-example gradient norms of the cross-entropy loss w.r.t. all parameters.
//
// For built-in models one forward/backward pass serves the whole batch: the forward
// records each layer's input a and output z, autograd gives δ = ∂(Σ loss)/∂z (row i
// depends on example i only, as the model is in eval mode), and each layer's
// per-example weight gradient norm follows in closed form:
//   linear:  ||δᵢ aᵢᵀ||² = ||δᵢ||²·||aᵢ||²,  bias ||δᵢ||²
//   conv:    Gᵢ = Dᵢ Uᵢᵀ with U = unfold(a); ||Gᵢ||² from Gᵢ itself or, when smaller, from
//            the Gram form Σ (DᵢᵀDᵢ)∘(UᵢᵀUᵢ); bias ||Σ_l Dᵢ||²
//   batch norm (eval): γ-gradient Σ_hw δᵢ∘x̂ᵢ, β-gradient Σ_hw δᵢ.
// Other models (TorchScript) fall back to one autograd pass per example.
#include <ATen/core/Tensor.h>
#include <c10/core/Device.h>

namespace ps {

class Classifier;

// Returns a tensor of B squared norms (float, CPU). Puts the model in eval mode.
at::Tensor perExampleGradSqNorms(Classifier& model, const at::Tensor& x, const at::Tensor& y);
// The one-example-at-a-time reference (used for TorchScript models and in tests).
at::Tensor perExampleGradSqNormsLoop(Classifier& model, const at::Tensor& x, const at::Tensor& y);

}  // namespace ps
