namespace Course.Recurrent;

/// <summary>The sizes of a <see cref="ConvLstmForecaster"/>.</summary>
/// <remarks>Notebook 06-conv-lstm: small maps and few channels so that training takes about a minute on two cores.</remarks>
/// <param name="FrameSize">Side of the square one-channel frames (16 for the moving digits of notebook 06).</param>
/// <param name="HiddenChannels">Channels of the hidden and cell state of the encoder and of the predictor.</param>
/// <param name="KernelSize">Side of the (odd) convolution kernels: a state can move (KernelSize − 1) / 2 pixels per step.</param>
public sealed record ForecasterConfig(int FrameSize = 16, int HiddenChannels = 8, int KernelSize = 5);
