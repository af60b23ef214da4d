namespace Engagement.Api.Settings;

/// <summary>A missing or invalid setting; the message names the setting so the operator knows what to fix.</summary>
public sealed class SettingsException(string setting, string problem)
    : Exception($"Invalid configuration: {setting}: {problem}")
{
    public string Setting { get; } = setting;
}
