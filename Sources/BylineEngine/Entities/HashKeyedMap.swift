/// A map from 64-bit name hashes to values, with open addressing and linear probing.
///
/// The keys are already well-mixed hashes (`TokenView.hash`), so hashing them again through
/// `Hasher`, as `Dictionary` must, only costs time: in clustering it was a twentieth of the
/// whole analysis. Key 0 marks an empty slot; a real key of 0 is stored as 1, which only
/// merges it with a key of 1, as unlikely as any other 64-bit collision.
struct HashKeyedMap<Value> {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Value?](repeating: nil, count: size)
        mask = size - 1
    }

    @inline(__always) private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    @inline(__always) private func slot(of key: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: key ^ (key >> 29)) & mask
        while keys[index] != 0, keys[index] != key { index = (index + 1) & mask }
        return index
    }

    subscript(key: UInt64) -> Value? {
        get {
            let key = Self.stored(key)
            let index = slot(of: key)
            return keys[index] == key ? values[index] : nil
        }
        set {
            let key = Self.stored(key)
            var index = slot(of: key)
            if keys[index] == key {
                values[index] = newValue
                return
            }
            guard let newValue else { return }  // removal is never needed here
            if (count + 1) * 2 > keys.count {
                grow()
                index = slot(of: key)
            }
            keys[index] = key
            values[index] = newValue
            count += 1
        }
    }

    var storedValues: [Value] { values.compactMap { $0 } }

    /// Whether every key, as stored (a key of 0 reads as 1), passes `test`; no array is made,
    /// since the server compares two articles' sets of names on every keystroke.
    func allKeys(_ test: (UInt64) -> Bool) -> Bool {
        for key in keys where key != 0 && !test(key) { return false }
        return true
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Value?](repeating: nil, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (index, key) in oldKeys.enumerated() where key != 0 {
            let slot = slot(of: key)
            keys[slot] = key
            values[slot] = oldValues[index]
        }
    }
}

/// A set of 64-bit name hashes, on the same table.
struct HashKeyedSet: Sendable, Equatable {
    private var map: HashKeyedMap<Bool>
    init(capacity: Int = 16) { map = HashKeyedMap(capacity: capacity) }
    mutating func insert(_ key: UInt64) { map[key] = true }
    func contains(_ key: UInt64) -> Bool { map[key] != nil }
    var count: Int { map.count }

    /// The keys in one set and not the other.
    func symmetricDifference(_ other: HashKeyedSet) -> HashKeyedSet {
        var result = HashKeyedSet()
        _ = map.allKeys { key in
            if !other.contains(key) { result.insert(key) }
            return true
        }
        _ = other.map.allKeys { key in
            if !contains(key) { result.insert(key) }
            return true
        }
        return result
    }

    static func == (a: HashKeyedSet, b: HashKeyedSet) -> Bool {
        a.count == b.count && a.map.allKeys(b.contains)
    }
}

extension HashKeyedMap: Sendable where Value: Sendable {}
