extension String {
    /// Every occurrence of `target` replaced (Foundation-free, locale-free).
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        out.reserveCapacity(utf8.count + 8)
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}
