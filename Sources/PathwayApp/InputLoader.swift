import Foundation
import PathwayCore

/// The load stage: reads the export files (and the holiday list) from disk. Nothing else here touches files.
public enum InputLoader {
    /// Reads every configured input; a missing optional input is skipped, anything else missing is exit 66.
    public static func load(folder: String, configuration: Configuration) throws(PathwayError) -> [LoadedInput] {
        switch FileSystem.kind(folder) {
        case .directory: break
        case .missing: throw .inputMissing("input folder '\(folder)' does not exist")
        default: throw .inputMissing("input folder '\(folder)' is not a folder")
        }
        var inputs: [LoadedInput] = []
        for file in InputFile.allCases {
            let name = configuration.fileNames[file] ?? file.defaultFileName
            let path = join(folder, name)
            if FileSystem.kind(path) == .missing, configuration.optionalInputs.contains(file) { continue }
            let (bytes, version, open) = try readInput(path, FileSystem.mapFile)
            inputs.append(LoadedInput(file: file, name: name, bytes: bytes,
                                      source: InputSource(path: path, version: version, file: open)))
        }
        return inputs
    }

    /// Stops the run (exit 66) if a mapping of an input lost pages, which were then read as zeros
    /// (`MappedFiles`), or if an input was written to in place since it was mapped: the mapping then
    /// shows some of the new bytes, so the decoded rows and the SHA-256 may mix two versions of the
    /// export. Called once the files have been read (after decoding in `validate`; after the render in a
    /// run, whose late digest reads the largest file again), and when decoding fails, before its error is
    /// reported (lost bytes may be what failed). A file replaced by a rename (a new inode) is fine: the
    /// mapping kept the old one whole.
    static func checkUnchanged(_ sources: [InputSource]) throws(PathwayError) {
        for source in sources where source.file.lostPages {
            if let now = FileSystem.version(source.path), now.size >= source.version.size {
                throw .inputMissing("input file '\(source.path)' could not be read whole: part of it was lost "
                    + "while it was being read (a disk error, or the file rewritten during the run); "
                    + "run again once the export is complete")
            }
            throw .inputMissing(MappedFiles.shorterFile(path: source.path))
        }
        for source in sources {
            guard let now = FileSystem.version(source.path), source.version.isRewritten(by: now) else { continue }
            throw .inputMissing("input file '\(source.path)' was written to while it was being read; "
                + "run again once the export is complete")
        }
    }

    /// The holiday list: the configured file, or the England and Wales list shipped with pathway.
    public static func loadCalendar(file: String?) throws(PathwayError) -> WorkingDayCalendar {
        let path: String
        let source: String
        if let file {
            path = file
            source = file
        } else {
            guard let shipped = Bundle.module.path(forResource: "bank-holidays-england-and-wales", ofType: "csv") else {
                throw .inputMissing("the shipped holiday list is missing from the installation; give one with --holidays FILE")
            }
            path = shipped
            source = "bank-holidays-england-and-wales.csv (shipped)"
        }
        let bytes = try readInput(path, FileSystem.readFile)
        do {
            return try WorkingDayCalendar.load(csv: bytes, source: source)
        } catch {
            throw .dataUnusable(error.description)
        }
    }

    /// Reads (or maps) one file; missing, a folder, or unreadable is exit 66 naming it.
    static func readInput<Bytes>(_ path: String, _ read: (String) throws(SystemError) -> Bytes) throws(PathwayError) -> Bytes {
        switch FileSystem.kind(path) {
        case .missing: throw .inputMissing("input file '\(path)' does not exist")
        case .directory: throw .inputMissing("input file '\(path)' is a folder, not a file")
        case .file, .other: break
        }
        do {
            return try read(path)
        } catch {
            throw .inputMissing("input file '\(path)' cannot be read: \(error)")
        }
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
