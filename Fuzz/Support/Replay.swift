import Foundation

/// Runs `check` over each file (or every file in each folder) given: the replay mode of a
/// fuzz target, for reproducing a crash and for the regression corpus.
public func replay(_ paths: ArraySlice<String>, _ check: (UnsafeBufferPointer<UInt8>) -> Void) {
    var files: [String] = []
    for path in paths {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            files += names.sorted().map { path + "/" + $0 }
        } else {
            files.append(path)
        }
    }
    for file in files {
        guard let data = FileManager.default.contents(atPath: file) else { continue }
        [UInt8](data).withUnsafeBufferPointer(check)
    }
    print("replayed \(files.count) inputs")
}
