/// SPEC §2 "Police source": after prefix stripping, the source contains `police` as a whole word
/// (any case), or is `6`, or begins `6:` (the CIN census code for police).
public enum PoliceSource {
    public static func matches(_ source: String) -> Bool {
        let value = CodedValue.stripPrefix(source)
        if value == "6" || value.hasPrefix("6:") { return true }
        let scalars = Array(value.lowercased().unicodeScalars)
        let word: [Unicode.Scalar] = ["p", "o", "l", "i", "c", "e"]
        guard scalars.count >= word.count else { return false }
        for start in 0...(scalars.count - word.count)
        where scalars[start] == "p" && scalars[start..<(start + word.count)].elementsEqual(word) {
            let before = start == 0 ? nil : scalars[start - 1]
            let after = start + word.count < scalars.count ? scalars[start + word.count] : nil
            if !isWordCharacter(before), !isWordCharacter(after) { return true }
        }
        return false
    }

    private static func isWordCharacter(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar == "_"
    }
}
