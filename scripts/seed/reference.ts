/** Reference data of Hunan's competition: prefectures, real-looking schools, event templates, names. */
import type { SCHOOL_TYPES } from '#db/schema.ts';

type SchoolType = (typeof SCHOOL_TYPES)[number];

export { PREFECTURES } from '#app/domain/prefectures.ts';

export type SchoolSeed = { name: string; type: SchoolType; prefecture: string };

const B: SchoolType = 'vocational_bachelor';
const H: SchoolType = 'higher_vocational';
const S: SchoolType = 'secondary_vocational';
const T: SchoolType = 'technician';

export const SCHOOLS: SchoolSeed[] = [
  { name: '湖南软件职业技术大学', type: B, prefecture: '湘潭市' },
  { name: '湖南汽车工程职业大学', type: B, prefecture: '株洲市' },
  { name: '长沙民政职业技术学院', type: H, prefecture: '省直' },
  { name: '湖南铁道职业技术学院', type: H, prefecture: '省直' },
  { name: '湖南工业职业技术学院', type: H, prefecture: '省直' },
  { name: '湖南交通职业技术学院', type: H, prefecture: '省直' },
  { name: '湖南机电职业技术学院', type: H, prefecture: '省直' },
  { name: '湖南商务职业技术学院', type: H, prefecture: '长沙市' },
  { name: '湖南大众传媒职业技术学院', type: H, prefecture: '长沙市' },
  { name: '湖南生物机电职业技术学院', type: H, prefecture: '长沙市' },
  { name: '长沙航空职业技术学院', type: H, prefecture: '长沙市' },
  { name: '湖南化工职业技术学院', type: H, prefecture: '株洲市' },
  { name: '湖南有色金属职业技术学院', type: H, prefecture: '株洲市' },
  { name: '湘潭医卫职业技术学院', type: H, prefecture: '湘潭市' },
  { name: '湖南城建职业技术学院', type: H, prefecture: '湘潭市' },
  { name: '湖南国防工业职业技术学院', type: H, prefecture: '湘潭市' },
  { name: '湖南环境生物职业技术学院', type: H, prefecture: '衡阳市' },
  { name: '衡阳幼儿师范高等专科学校', type: H, prefecture: '衡阳市' },
  { name: '邵阳职业技术学院', type: H, prefecture: '邵阳市' },
  { name: '岳阳职业技术学院', type: H, prefecture: '岳阳市' },
  { name: '湖南石油化工职业技术学院', type: H, prefecture: '岳阳市' },
  { name: '常德职业技术学院', type: H, prefecture: '常德市' },
  { name: '湖南高尔夫旅游职业学院', type: H, prefecture: '常德市' },
  { name: '张家界航空工业职业技术学院', type: H, prefecture: '张家界市' },
  { name: '益阳职业技术学院', type: H, prefecture: '益阳市' },
  { name: '郴州职业技术学院', type: H, prefecture: '郴州市' },
  { name: '湘南幼儿师范高等专科学校', type: H, prefecture: '郴州市' },
  { name: '永州职业技术学院', type: H, prefecture: '永州市' },
  { name: '怀化职业技术学院', type: H, prefecture: '怀化市' },
  { name: '娄底职业技术学院', type: H, prefecture: '娄底市' },
  { name: '湘西民族职业技术学院', type: H, prefecture: '湘西土家族苗族自治州' },
  { name: '长沙财经学校', type: S, prefecture: '长沙市' },
  { name: '长沙市电子工业学校', type: S, prefecture: '长沙市' },
  { name: '株洲市工业中等专业学校', type: S, prefecture: '株洲市' },
  { name: '湘潭市工业贸易中等专业学校', type: S, prefecture: '湘潭市' },
  { name: '衡阳市职业中等专业学校', type: S, prefecture: '衡阳市' },
  { name: '邵阳市工业职业技术学校', type: S, prefecture: '邵阳市' },
  { name: '岳阳市湘北女子职业学校', type: S, prefecture: '岳阳市' },
  { name: '常德财经中等专业学校', type: S, prefecture: '常德市' },
  { name: '张家界市旅游职业学校', type: S, prefecture: '张家界市' },
  { name: '益阳市职业技术学校', type: S, prefecture: '益阳市' },
  { name: '郴州工业交通学校', type: S, prefecture: '郴州市' },
  { name: '永州市工商职业中专学校', type: S, prefecture: '永州市' },
  { name: '怀化市工业中等专业学校', type: S, prefecture: '怀化市' },
  { name: '娄底市第一职业中专学校', type: S, prefecture: '娄底市' },
  { name: '吉首市民族中等职业学校', type: S, prefecture: '湘西土家族苗族自治州' },
  { name: '湖南省工业技师学院', type: T, prefecture: '省直' },
  { name: '湖南工贸技师学院', type: T, prefecture: '长沙市' },
  { name: '株洲市技师学院', type: T, prefecture: '株洲市' },
  { name: '衡阳技师学院', type: T, prefecture: '衡阳市' },
  { name: '岳阳技师学院', type: T, prefecture: '岳阳市' },
  { name: '常德技师学院', type: T, prefecture: '常德市' },
  { name: '郴州技师学院', type: T, prefecture: '郴州市' },
];

export type DivisionCode = 'ZZ' | 'GZ' | 'JS';

export type EventTemplate = {
  code: string;
  name: string;
  division: DivisionCode;
  minTeamSize: number;
  maxTeamSize: number;
  /** Module names of the scoring scheme; criteria are generated under each. */
  modules: string[];
  /** Purely objective events show names live. */
  objectiveOnly?: boolean;
};

export const EVENT_TEMPLATES: EventTemplate[] = [
  { code: 'GZ003', name: '电子商务技能', division: 'GZ', minTeamSize: 3, maxTeamSize: 3, modules: ['网店开设装修', '网店运营推广', '网络客户服务'] },
  { code: 'GZ012', name: '工业机器人技术应用', division: 'GZ', minTeamSize: 2, maxTeamSize: 2, modules: ['工作站安装与调试', '离线编程与仿真', '综合应用与职业素养'] },
  { code: 'GZ021', name: '软件测试', division: 'GZ', minTeamSize: 3, maxTeamSize: 3, modules: ['测试计划与用例设计', '功能与接口测试', '自动化与性能测试', '测试报告'] },
  { code: 'GZ030', name: '护理技能', division: 'GZ', minTeamSize: 1, maxTeamSize: 1, modules: ['理论知识', '单项操作', '综合案例护理'] },
  { code: 'GZ045', name: '建筑工程识图', division: 'GZ', minTeamSize: 2, maxTeamSize: 2, modules: ['建筑施工图绘制', '结构施工图绘制'] },
  { code: 'GZ058', name: '智能财税', division: 'GZ', minTeamSize: 3, maxTeamSize: 4, modules: ['财务共享业务处理', '智能税务申报', '财务数据分析'] },
  { code: 'GZ066', name: '无人机应用技术', division: 'GZ', minTeamSize: 2, maxTeamSize: 3, modules: ['无人机组装调试', '飞行作业', '数据处理与成果输出'] },
  { code: 'ZZ008', name: '汽车维修', division: 'ZZ', minTeamSize: 1, maxTeamSize: 1, modules: ['发动机机械系统检修', '电控系统故障诊断', '底盘系统检修'], objectiveOnly: true },
  { code: 'ZZ015', name: '电子产品设计与制作', division: 'ZZ', minTeamSize: 2, maxTeamSize: 2, modules: ['电路设计', '装配与调试', '功能测试'] },
  { code: 'ZZ022', name: '数控综合应用技术', division: 'ZZ', minTeamSize: 2, maxTeamSize: 3, modules: ['工艺编制', '零件加工', '精度检测'] },
  { code: 'ZZ031', name: '中餐烹饪', division: 'ZZ', minTeamSize: 1, maxTeamSize: 1, modules: ['刀工技能', '热菜制作', '面点制作', '职业素养'] },
  { code: 'ZZ040', name: '艺术设计', division: 'ZZ', minTeamSize: 1, maxTeamSize: 1, modules: ['设计方案', '作品制作'] },
  { code: 'ZZ051', name: '网络建设与运维', division: 'ZZ', minTeamSize: 3, maxTeamSize: 3, modules: ['网络规划与部署', '服务器配置与运维', '网络安全防护'] },
  { code: 'JS001', name: '教学能力比赛', division: 'JS', minTeamSize: 3, maxTeamSize: 4, modules: ['教学实施报告', '课堂教学实录', '现场答辩'] },
  { code: 'JS002', name: '班主任能力比赛', division: 'JS', minTeamSize: 1, maxTeamSize: 1, modules: ['班级建设方案', '育人故事', '情景答辩'] },
];

export const MEASUREMENT_CRITERIA = [
  '操作规范', '尺寸精度', '功能实现', '参数设置正确', '测试用例通过率', '安全文明生产', '设备连接', '数据准确性',
  '程序运行结果', '工艺流程', '规定时间内完成', '故障排除', '检测记录完整', '成品达标率',
];
export const JUDGEMENT_CRITERIA = [
  '方案合理性', '作品创意', '职业素养', '现场答辩', '文档规范', '整体效果', '团队协作', '表达与沟通', '教学设计',
  '创新性', '美观度',
];

export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林梁郑谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范廖石'.split('');
export const GIVEN = '子涵欣怡梓轩浩宇雨桐一诺思远佳豪俊杰晓彤嘉怡宇航文博思彤天佑家乐若曦明轩雅琪志强丽娟海涛晨阳静怡鑫磊建华秀英'.split('');
export const MAJORS = [
  '电子商务', '工业机器人技术', '软件技术', '护理', '建筑工程技术', '大数据与会计', '无人机应用技术', '汽车运用与维修',
  '电子技术应用', '数控技术应用', '中餐烹饪', '艺术设计与制作', '计算机网络技术',
];
export const TITLES = ['教授', '副教授', '讲师', '高级讲师', '高级实习指导教师', '高级工程师', '工程师', '助教'];
export const ENTERPRISES = ['中车株洲电力机车有限公司', '三一重工股份有限公司', '中联重科股份有限公司', '湖南华曙高科技股份有限公司', '长沙市人民医院', '华为技术有限公司湖南代表处', '京东物流湖南分公司'];
