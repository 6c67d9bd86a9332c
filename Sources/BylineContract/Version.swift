/// The name and version the CLI prints and the server reports in `serverInfo`.
public enum BylineVersion {
    public static let name = "byline"
    public static let version = "0.1.0"
}
