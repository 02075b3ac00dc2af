/// Shanghai's sixteen districts: canonical (simplified) name, traditional spelling, and the pinyin used in plan ids.
struct District: Equatable {
    var name: String
    var traditional: String
    var pinyin: String

    static let shanghai: [District] = [
        District(name: "黄浦区", traditional: "黃浦區", pinyin: "huangpu"),
        District(name: "徐汇区", traditional: "徐匯區", pinyin: "xuhui"),
        District(name: "长宁区", traditional: "長寧區", pinyin: "changning"),
        District(name: "静安区", traditional: "靜安區", pinyin: "jingan"),
        District(name: "普陀区", traditional: "普陀區", pinyin: "putuo"),
        District(name: "虹口区", traditional: "虹口區", pinyin: "hongkou"),
        District(name: "杨浦区", traditional: "楊浦區", pinyin: "yangpu"),
        District(name: "闵行区", traditional: "閔行區", pinyin: "minhang"),
        District(name: "宝山区", traditional: "寶山區", pinyin: "baoshan"),
        District(name: "嘉定区", traditional: "嘉定區", pinyin: "jiading"),
        District(name: "浦东新区", traditional: "浦東新區", pinyin: "pudong"),
        District(name: "金山区", traditional: "金山區", pinyin: "jinshan"),
        District(name: "松江区", traditional: "松江區", pinyin: "songjiang"),
        District(name: "青浦区", traditional: "青浦區", pinyin: "qingpu"),
        District(name: "奉贤区", traditional: "奉賢區", pinyin: "fengxian"),
        District(name: "崇明区", traditional: "崇明區", pinyin: "chongming"),
    ]

    /// The district named earliest in `text`, in either spelling.
    static func named(in text: String) -> District? {
        var best: (district: District, position: String.Index)?
        for d in shanghai {
            for spelling in [d.name, d.traditional] {
                if let r = text.firstRange(of: spelling), best.map({ r.lowerBound < $0.position }) ?? true {
                    best = (d, r.lowerBound)
                }
            }
        }
        return best?.district
    }

    /// An id-friendly slug for a place or title outside the table: pinyin without tones, letters and digits only.
    static func slug(_ text: String) -> String {
        String(Pinyin.syllables(text).lowercased().filter { ($0.isASCII && ($0.isLetter || $0.isNumber)) })
    }
}
