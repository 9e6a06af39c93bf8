// 简体中文界面文案：life-event bundles (一件事一次办) — the apply page note, the bundle's case page and "my cases".
export const bundle = {
  bundle: {
    applyNote: '一件事一次办：只需填写这一张表，共用信息只填一次，提交后以下 {{count}} 个事项同时办理，各自生成办件。',
    members: '本次同时办理的事项',
    childrenTitle: '各事项办理情况',
    childrenIntro: '这是一件事，由 {{count}} 个部门分别办理；全部办结后，这件事即办结。点击事项可查看进度、补正材料。',
    progress: '{{total}} 项中已办结 {{done}} 项',
    waiting: '有事项被退回补正，请打开该事项，按提示修改后重新提交。',
    partlyRejected: '部分事项未予办理，原因见该事项；其余事项已办结。',
    rejected: '有事项未予办理，原因见该事项。',
    partPromiseBefore: '承诺 ',
    partPromiseAfter: ' 前办结',
    currentStep: '当前环节',
    open: '查看事项',
    partOf: '本办件属于“{{name}}”（一件事一次办，编号 {{number}}）中的“{{member}}”。',
    backToBundle: '返回整件事',
    inList: '包含的事项',
  },
};
