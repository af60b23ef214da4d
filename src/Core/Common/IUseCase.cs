namespace Engagement.Core.Common;

/// <summary>Marks a use case (one command or query) so the host can register them all in one place.</summary>
public interface IUseCase;
