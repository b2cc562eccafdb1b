import CXlsxHooks
import Foundation
import PathwayTestSupport
import Testing
import ZIPFoundation

/// `pathway_deflater` (CXlsxHooks): a raw deflate stream made of chunks deflated two at a time. Its output
/// is inflated back with ZIPFoundation's inflater, which knows nothing of the chunks.
@Suite("Chunked deflate")
struct ChunkedDeflateTests {
    /// What a stream gave: its output, the length and CRC-32 the deflater reported, its status, and how
    /// many chunks went to the helper thread.
    struct Stream: Equatable {
        var output: [UInt8]
        var length: UInt64
        var crc: UInt
        var status: Int32
        var chunksOnHelper: UInt
    }

    /// The sink's state: the output so far, and how many calls it accepts before refusing.
    final class Sink {
        var bytes: [UInt8] = []
        var calls = 0
        let refusesAfter: Int

        init(refusesAfter: Int = .max) { self.refusesAfter = refusesAfter }
    }

    static let chunk = Int(PATHWAY_DEFLATE_CHUNK)
    static let splitMinimum = Int(PATHWAY_DEFLATE_SPLIT_MINIMUM)

    /// Deflates `input` at level 1 as raw deflate (minizip's parameters), written in `pieces` (their sizes,
    /// repeated; nil: one write).
    static func deflate(_ input: [UInt8], threads: Int32, pieces: [Int]? = nil, refusesAfter: Int = .max) throws -> Stream {
        let deflater = try #require(pathway_deflater_create(threads))
        defer { pathway_deflater_destroy(deflater) }
        let sink = Sink(refusesAfter: refusesAfter)
        let context = Unmanaged.passUnretained(sink).toOpaque()
        pathway_deflater_begin(deflater, 1, -15, 8, 0, { context, bytes, length in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            sink.calls += 1
            if sink.calls > sink.refusesAfter { return 1 }
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
            return 0
        }, context)
        var status: Int32 = 0
        input.withUnsafeBytes { buffer in
            var at = 0, piece = 0
            let sizes = pieces ?? [max(input.count, 1)]
            while at < input.count && status == 0 {
                let size = min(sizes[piece % sizes.count], input.count - at)
                status = pathway_deflater_write(deflater, buffer.baseAddress! + at, size)
                at += size
                piece += 1
            }
        }
        var length: UInt64 = 0
        var crc: UInt = 0
        let finished = pathway_deflater_finish(deflater, &length, &crc)
        return Stream(output: sink.bytes, length: length, crc: crc, status: status != 0 ? status : finished,
                      chunksOnHelper: pathway_deflater_chunks_on_helper(deflater))
    }

    /// Inflates a raw deflate stream.
    static func inflate(_ output: [UInt8]) throws -> [UInt8] {
        let compressed = Data(output)
        var inflated = Data()
        _ = try Data.decompress(size: Int64(compressed.count), bufferSize: 1 << 16, skipCRC32: true,
                                provider: { position, size in
                                    // ZIPFoundation asks for a whole buffer, also past the end.
                                    compressed.subdata(in: Int(position)..<min(Int(position) + size, compressed.count))
                                }, consumer: { inflated.append($0) })
        return [UInt8](inflated)
    }

    /// Worksheet-like XML (compressible), or bytes from a seeded generator (not compressible).
    static func input(_ count: Int, text: Bool) -> [UInt8] {
        var generator = SeededRandom(seed: UInt64(count) &+ (text ? 1 : 2))
        if !text { return (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) } }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 200)
        var row = 1
        while bytes.count < count {
            let id = 1_000_000 + Int(generator.next() % 9_000_000)
            bytes += Array("<row r=\"\(row)\"><c r=\"A\(row)\" t=\"inlineStr\"><is><t>CH\(id)</t></is></c>".utf8)
            bytes += Array("<c r=\"B\(row)\" s=\"4\"><v>\(46_000 + generator.next() % 400)</v></c></row>".utf8)
            row += 1
        }
        return Array(bytes.prefix(count))
    }

    /// Chunks deflated on the helper for `count` bytes: one per full pair of chunks, and one for the rest
    /// when it is cut in two.
    static func helperChunks(_ count: Int) -> UInt {
        let pairs = count / (2 * chunk), rest = count % (2 * chunk)
        return UInt(pairs + (rest >= 2 * splitMinimum ? 1 : 0))
    }

    static let sizes = [0, 1, 1_000, 2 * splitMinimum - 1, 2 * splitMinimum, chunk, 2 * chunk - 1, 2 * chunk,
                        2 * chunk + 1, 5 * chunk + 12_345]

    @Test("the chunks put end to end inflate to the input, with its length and CRC-32", arguments: sizes)
    func roundTrip(count: Int) throws {
        for text in [true, false] {
            let input = Self.input(count, text: text)
            let stream = try Self.deflate(input, threads: 2)
            #expect(stream.status == 0)
            #expect(stream.length == UInt64(count))
            #expect(stream.crc == UInt(Data(input).crc32(checksum: 0)), "\(count) bytes, text \(text)")
            #expect(try Self.inflate(stream.output) == input, "\(count) bytes, text \(text)")
            #expect(stream.chunksOnHelper == Self.helperChunks(count), "\(count) bytes")
            if text && count >= Self.chunk {
                #expect(stream.output.count * 4 < count, "level 1 packs worksheet XML: \(stream.output.count)")
            }
        }
    }

    @Test("the output depends on the bytes alone: not on the threads or on how the bytes were written",
          arguments: [2 * splitMinimum + 17, 2 * chunk, 4 * chunk + 99_999])
    func sameOutput(count: Int) throws {
        let input = Self.input(count, text: true)
        let whole = try Self.deflate(input, threads: 2)
        let oneThread = try Self.deflate(input, threads: 1)
        #expect(oneThread.chunksOnHelper == 0)
        #expect(oneThread.output == whole.output)
        for pieces in [[1], [16_384], [7, 65_536, 3_000_001, 1]] where pieces != [1] || count < 300_000 {
            let written = try Self.deflate(input, threads: 2, pieces: pieces)
            #expect(written == whole, "pieces \(pieces)")
        }
    }

    @Test("a sink that refuses stops the stream with Z_ERRNO")
    func sinkRefuses() throws {
        let input = Self.input(3 * Self.chunk, text: true)
        for refusesAfter in [0, 1] {
            let stream = try Self.deflate(input, threads: 2, refusesAfter: refusesAfter)
            #expect(stream.status == -1, "refuses after \(refusesAfter) calls")
            #expect(stream.length <= UInt64(2 * Self.chunk))
        }
    }
    /// `pathway_deflate_plan` and `pathway_deflate_piece`, as the close's worker threads use them: each chunk
    /// of the plan deflated on its own, from the 32 KiB before it, in any order.
    static func deflateByPlan(_ input: [UInt8]) throws -> (output: [UInt8], chunks: Int) {
        let count = pathway_deflate_plan(input.count, nil)
        var starts = [Int](repeating: -1, count: count + 1)
        #expect(pathway_deflate_plan(input.count, &starts) == count)
        #expect(starts.first == 0 && starts.last == input.count && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 },
                "\(starts)")
        var pieces = [[UInt8]](repeating: [], count: count)
        // Last chunk first: a chunk needs nothing of the others' outputs.
        for index in (0..<count).reversed() {
            var output: UnsafeMutablePointer<UInt8>?
            var capacity = 0, length = 0
            var crc: UInt = 0
            let start = starts[index], end = starts[index + 1]
            let status = input.withUnsafeBufferPointer { buffer -> Int32 in
                let base = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
                let window = min(start, 1 << 15)
                return pathway_deflate_piece(base + start, end - start, base + start - window, window,
                                             index == count - 1 ? 1 : 0, 1, -15, 8, 0, &output, &capacity, &length, &crc)
            }
            #expect(status == 0)
            #expect(crc == UInt(Data(input[start..<end]).crc32(checksum: 0)), "chunk \(index)")
            pieces[index] = Array(UnsafeBufferPointer(start: output, count: length))
            free(output)
        }
        return (pieces.flatMap { $0 }, count)
    }

    @Test("the plan's chunks deflated one by one, in any order, give the deflater's stream",
          arguments: sizes + [4 * chunk + 99_999])
    func planGivesTheSameStream(count: Int) throws {
        let input = Self.input(count, text: count % 2 == 0)
        let stream = try Self.deflate(input, threads: 1)
        let byPlan = try Self.deflateByPlan(input)
        #expect((byPlan.output == stream.output) as Bool, "\(count) bytes")
        // One chunk more than the chunks the deflater gives its helper: each pair, and the rest cut in two.
        #expect(byPlan.chunks == count / (2 * Self.chunk) * 2 + (count % (2 * Self.chunk) >= 2 * Self.splitMinimum ? 2 : 1))
    }
}

