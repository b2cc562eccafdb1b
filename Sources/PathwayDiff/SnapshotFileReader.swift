import Foundation

/// Reads a snapshot file's bytes for `SnapshotDiff.compareFiles`, turning every failure into a
/// `SnapshotDiffError` that names the path.
enum SnapshotFileReader {
    static func read(path: String) throws(SnapshotDiffError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw SnapshotDiffError("\(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw SnapshotDiffError("\(path): is a folder, not a kpis.json file")
        }
        guard FileManager.default.isReadableFile(atPath: path),
            let data = FileManager.default.contents(atPath: path)
        else {
            throw SnapshotDiffError("\(path): the file cannot be read (check its permissions)")
        }
        return [UInt8](data)
    }
}
