namespace Platform.LocalInfrastructure;

/// <summary>
/// Local infrastructure could not be provided. The message names the cause and the fix, in one
/// sentence an operator can act on; AppHost prints it and exits non-zero.
/// </summary>
public sealed class InfrastructureException(string message, Exception? inner = null) : Exception(message, inner);
