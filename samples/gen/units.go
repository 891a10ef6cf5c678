package main

// unitInfo is what the generator knows of a unit beyond the programme:
// fictional contacts and the local names its reports mention.
type unitInfo struct {
	name    string
	contact string
	phone   string
	email   string
	place   string // how its reports name the place (包头市, 全区)
	area    string // the area where 区域评估 is done first
	county  string // a 旗县区 used in pilot work
	seed    int    // varies the figures from unit to unit
}

// units lists the 16 units in programme order. Names, phones and addresses
// are made up; example.cn is a reserved-looking placeholder domain.
var units = []unitInfo{
	{"呼和浩特市", "赵丽娜", "0471-6608312", "hhhtzjj@example.cn", "呼和浩特市", "和林格尔新区", "赛罕区", 1},
	{"包头市", "郝建军", "0472-5153260", "btzjj@example.cn", "包头市", "包头稀土高新区", "昆都仑区", 2},
	{"呼伦贝尔市", "孟庆华", "0470-8256147", "hlbezjj@example.cn", "呼伦贝尔市", "呼伦贝尔经济技术开发区", "海拉尔区", 3},
	{"兴安盟", "包金花", "0482-8263375", "xamzjj@example.cn", "兴安盟", "乌兰浩特经济技术开发区", "乌兰浩特市", 4},
	{"通辽市", "王海燕", "0475-8213926", "tlzjj@example.cn", "通辽市", "通辽经济技术开发区", "科尔沁区", 5},
	{"赤峰市", "李志强", "0476-8336580", "cfzjj@example.cn", "赤峰市", "赤峰高新技术产业开发区", "红山区", 6},
	{"锡林郭勒盟", "乌日娜", "0479-8225013", "xlglmzjj@example.cn", "锡林郭勒盟", "锡林郭勒经济技术开发区", "锡林浩特市", 7},
	{"乌兰察布市", "刘建军", "0474-8326615", "wlcbzjj@example.cn", "乌兰察布市", "察哈尔工业园区", "集宁区", 8},
	{"鄂尔多斯市", "高慧敏", "0477-8581236", "erdszjj@example.cn", "鄂尔多斯市", "鄂尔多斯高新技术产业园区", "康巴什区", 9},
	{"巴彦淖尔市", "张秀英", "0478-8412270", "bynezjj@example.cn", "巴彦淖尔市", "巴彦淖尔经济技术开发区", "临河区", 10},
	{"乌海市", "杜鹏飞", "0473-3961408", "whzjj@example.cn", "乌海市", "乌海高新技术产业开发区", "海勃湾区", 11},
	{"阿拉善盟", "那仁格日勒", "0483-8336719", "alsmzjj@example.cn", "阿拉善盟", "阿拉善高新技术产业开发区", "阿拉善左旗", 12},
	{"自治区发展改革委", "罗晓东", "0471-6944127", "nmfgw@example.cn", "全区", "", "", 13},
	{"自治区自然资源厅", "田晓梅", "0471-4960352", "nmzrzyt@example.cn", "全区", "", "", 14},
	{"自治区住房城乡建设厅", "成斌", "0471-6261508", "nmzjt@example.cn", "全区", "", "", 15},
	{"自治区政务服务局", "杨帆", "0471-6285731", "nmzwfw@example.cn", "全区", "", "", 16},
}

func unitByName(name string) *unitInfo {
	for i := range units {
		if units[i].name == name {
			return &units[i]
		}
	}
	return nil
}

// plans gives each unit's status of each milestone in the six periods
// (2021年4月上半月, 4月下半月, 5月上半月, 5月下半月, 6月上半月, 6月下半月): 0 未启动, 1 推进中,
// D0326 已完成 on 2021-03-26 (a date already given is repeated later, as
// people copy last period's sheet forward). A milestone not listed follows
// cityPlan or deptPlan.
var cityPlan = map[string]string{
	"一":   "1 1 1 D0524 D0524 D0524",
	"二":   "1 1 1 1 1 1",
	"三.1": "D0326 D0326 D0326 D0326 D0326 D0326",
	"三.2": "0 1 1 1 1 1",
	"三.3": "0 0 1 1 1 1",
	"四":   "1 D0426 D0426 D0426 D0426 D0426",
	"六":   "1 1 1 1 1 1",
}

var deptPlan = map[string]string{
	"一":   "1 1 1 D0527 D0527 D0527",
	"二":   "1 1 1 1 1 1",
	"三.1": "D0330 D0330 D0330 D0330 D0330 D0330",
	"三.2": "1 1 1 1 1 1",
	"三.3": "1 1 1 1 1 1",
	"四":   "1 D0428 D0428 D0428 D0428 D0428",
	"五":   "1 1 1 1 1 1",
	"六":   "1 1 1 1 1 1",
}

var plans = map[string]map[string]string{
	"呼和浩特市":    {"一": "1 1 D0512 D0512 D0512 D0512", "三.1": "D0325 D0325 D0325 D0325 D0325 D0325", "三.2": "1 1 1 1 1 1", "四": "D0412 D0412 D0412 D0412 D0412 D0412"},
	"包头市":      {"三.1": "D0329 D0329 D0329 D0329 D0329 D0329", "四": "1 D0426 1 D0527 D0527 D0527"},
	"呼伦贝尔市":    {"一": "1 1 1 D0521 D0521 D0521", "三.1": "D0331 D0331 D0331 D0331 D0331 D0331", "三.3": "0 0 0 1 1 1", "四": "1 D0423 D0423 D0423 D0423 D0423"},
	"兴安盟":      {"一": "1 1 1 D0526 D0526 D0526", "三.1": "D0330 D0330 D0330 D0330 D0330 D0330", "四": "1 D0428 D0428 D0428 D0428 D0428", "六": "0 1 1 1 1 1"},
	"通辽市":      {"一": "1 1 1 D0525 D0525 D0525", "三.1": "D0323 D0323 D0323 D0323 D0323 D0323", "三.2": "1 1 1 1 1 1", "四": "1 D0427 D0427 D0427 D0427 D0427"},
	"赤峰市":      {"三.1": "D0326 D0326 D0326 D0326 D0326 D0326", "四": "1 D0428 D0428 D0428 D0428 D0428"},
	"锡林郭勒盟":    {"一": "1 1 1 D0520 D0520 D0520", "三.1": "D0330 D0330 D0330 D0330 D0330 D0330", "三.3": "0 0 0 1 1 1", "四": "1 D0426 D0426 D0426 D0426 D0426"},
	"乌兰察布市":    {"一": "1 1 1 D0526 D0526 D0526", "三.1": "D0408 D0408 D0408 D0408 D0408 D0408", "四": "1 D0427 D0427 D0427 D0427 D0427"},
	"鄂尔多斯市":    {"一": "1 1 D0514 D0514 D0514 D0514", "三.1": "D0325 D0325 D0325 D0325 D0325 D0325", "三.2": "1 1 1 1 1 1", "三.3": "0 1 1 1 1 1", "四": "D0409 D0409 D0409 D0409 D0409 D0409"},
	"巴彦淖尔市":    {"一": "1 1 1 1 D0608 D0608", "三.1": "D0331 D0331 D0331 D0331 D0331 D0331", "四": "1 1 1 D0520 D0520 D0520", "六": "0 1 1 1 1 1"},
	"乌海市":      {"一": "1 1 1 D0527 D0527 D0527", "三.1": "D0329 D0329 D0329 D0329 D0329 D0329", "四": "1 D0427 D0427 D0427 D0427 D0427", "六": "0 0 1 1 1 1"},
	"阿拉善盟":     {"一": "1 1 1 1 D0609 D0609", "三.1": "1 D0426 D0426 D0426 D0426 D0426", "三.2": "0 0 0 1 1 1", "三.3": "0 0 0 0 0 1", "四": "1 D0428 D0428 D0428 D0428 D0428", "六": "0 1 1 1 1 1"},
	"自治区政务服务局": {"三.1": "D0329 D0329 D0329 D0329 D0329 D0329", "六": "0 1 1 1 1 1"},
}
